import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, review, signIn } from '../support/console';

test('边城镇 station staff register a station and record a reception at it', async ({ page }) => {
  const name = `边城镇茶峒村联络点 ${Date.now() % 100000}`;
  await signIn(page, 'biancheng-staff');
  await page.getByRole('navigation').getByRole('menuitem', { name: '联络站', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('联络站');
  await review(page, 'stations');

  await page.getByRole('button', { name: '新建联络站' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新建联络站');
  await page.getByLabel('名称', { exact: true }).fill(name);
  await page.getByLabel('地址', { exact: true }).fill('花垣县边城镇茶峒村村部');
  await page.getByLabel('联系电话', { exact: true }).fill('0743-7000000');
  await review(page, 'station-new');
  await page.getByRole('button', { name: '登记联络站' }).click();
  await expect(page.getByText(`联络站“${name}”已登记`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

  // a reception at the new station, the deputy chosen from the township's roll
  const form = page.getByRole('form', { name: '记录接待' });
  await choose(page, form.getByRole('combobox', { name: '接待代表' }), /边城示例乡代表01/);
  await page.keyboard.press('Escape');
  await form.getByLabel('来访群众人数').fill('6');
  await form.getByLabel('接待情况').fill('茶峒村群众反映渡口码头年久失修');
  await form.getByRole('button', { name: '记录接待' }).click();
  await expect(page.getByText(/已记录 \d{4}-\d{2}-\d{2} 的接待,1 名代表进站/)).toBeVisible();
  const receptions = page.getByRole('region', { name: '接待记录' });
  await expect(receptions).toContainText('茶峒村群众反映渡口码头年久失修');
  await expect(receptions).toContainText('边城示例乡代表01');

  // 六有 evidence: the station's rules, scanned to PDF, uploaded under 有制度 and read back from its list
  const rules = page.getByRole('region', { name: '有制度佐证材料' });
  await expect(rules).toContainText('暂无佐证材料');
  const scan = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await rules.getByLabel('上传佐证').setInputFiles({ name: '接待选民制度.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(page.getByText('已上传有制度佐证“接待选民制度.pdf”')).toBeVisible();
  await expect(rules.getByRole('row').nth(1)).toContainText('接待选民制度.pdf');
  await expect(rules.getByRole('row').nth(1)).toContainText('1 KB');
  const [copy] = await Promise.all([page.waitForEvent('download'), rules.getByRole('button', { name: '接待选民制度.pdf', exact: true }).click()]);
  expect(copy.suggestedFilename()).toBe('接待选民制度.pdf');
  expect(readFileSync(await copy.path())).toEqual(scan);
  await expect(page.getByRole('region', { name: '有牌子佐证材料' })).toContainText('暂无佐证材料');
  await review(page, 'station');
});
