import { expect, test } from '@playwright/test';
import { api, review, signIn } from '../support/console';

const HEADER = '姓名,性别,民族,出生年份,政治面貌,职业,选区,行政区划代码,联系电话,代表层级,届次,任期开始,任期结束,联络站ID';

test('a roll with a bad row is refused with that row\'s error shown, and nothing is written', async ({ page }) => {
  const suffix = Date.now() % 100000;
  const good = `花垣测试代表甲${suffix}`;
  const roll = [
    HEADER,
    `${good},女,苗族,1980,群众,教师,第一选区,433124108,13900007001,乡(镇)人大代表,18,2021-12-01,,`,
    `花垣测试代表乙${suffix},男,火星族,1979,群众,农民,第二选区,433124108,13900007002,乡(镇)人大代表,18,2021-12-01,,`,
  ].join('\n');

  await signIn(page, 'huayuan-renda');
  await page.getByRole('navigation').getByRole('menuitem', { name: '代表', exact: true }).click();
  await page.getByRole('button', { name: '导入名册' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入代表名册');
  await page.locator('input[type=file]').setInputFiles({ name: '花垣县代表名册.csv', mimeType: 'text/csv', buffer: Buffer.from(roll) });
  await page.getByRole('button', { name: '开始导入' }).click();

  await expect(page.getByRole('alert')).toContainText('没有导入任何代表');
  const errors = page.getByRole('region', { name: '错误明细' }).getByRole('table');
  await expect(errors.getByRole('columnheader')).toHaveText(['行号', '字段', '错误']);
  const rows = errors.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('cell')).toHaveText(['3', '民族', /火星族.*不是 56 个民族之一/]);
  await review(page, 'deputies-import-refused');

  // all rows or none: the good row of the refused file is not on the roll either
  const found = await api<{ total: number }>(page, `/api/v1/deputies?region=433124108&q=${encodeURIComponent(good)}`);
  expect(found.total).toBe(0);
});
