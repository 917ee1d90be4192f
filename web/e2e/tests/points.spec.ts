import { expect, test } from '@playwright/test';
import { api, choose, review, signIn } from '../support/console';

// This deputy earns no other points while the test runs: the specs run one at a time (workers: 1), and the
// reception and suggestion specs that credit them run after it (the files run in the order of their names).
const DEPUTY = '196a75d2-6349-39fb-9aa1-db52f783b1e6'; // 边城示例乡代表01, biancheng-deputy in the dev realm

test('a deputy appeals a missing entry of their ledger, the county\'s supervisor grants it and the points follow', async ({ browser }) => {
  const reason = `11月5日到边城镇联络站接待群众,登记表漏记 ${Date.now() % 100000}`;
  const deputy = await (await browser.newContext()).newPage();
  await signIn(deputy, 'biancheng-deputy');
  const year = new Date().getFullYear();
  const before = await api<{ total: number }>(deputy, `/api/v1/points/deputies/${DEPUTY}?year=${year}`);

  await deputy.getByRole('navigation').getByRole('menuitem', { name: '积分', exact: true }).click();
  await deputy.getByRole('button', { name: '我的积分' }).click();
  const form = deputy.getByRole('form', { name: '提出积分申诉' });
  await choose(deputy, form.getByRole('combobox', { name: '漏记事项' }), '进站履职');
  await form.getByLabel('分值').fill('2');
  await form.getByLabel('申诉理由').fill(reason);
  await form.getByRole('button', { name: '提交申诉' }).click();
  await expect(deputy.getByText('申诉已提交,等待人大工作人员处理')).toBeVisible();

  const supervisor = await (await browser.newContext()).newPage();
  await signIn(supervisor, 'huayuan-renda');
  await supervisor.getByRole('navigation').getByRole('menuitem', { name: '积分', exact: true }).click();
  await supervisor.getByRole('tab', { name: '积分申诉' }).click();
  const row = supervisor.getByRole('row').filter({ hasText: reason });
  await expect(row).toContainText('待处理');
  await row.getByRole('button', { name: '支持', exact: true }).click();
  const dialog = supervisor.getByRole('dialog', { name: '支持申诉' });
  await dialog.getByLabel('核定分值').fill('2');
  await dialog.getByLabel('处理意见').fill('经核对接待登记,属实');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(supervisor.getByText('已支持该申诉,积分已调整')).toBeVisible();
  // decided, it leaves the list of open appeals (the list's default) and is among the granted ones
  await expect(supervisor.getByRole('row').filter({ hasText: reason })).toHaveCount(0);
  await supervisor.getByRole('form', { name: '申诉筛选' }).getByText('待处理', { exact: true }).click();
  await supervisor.getByRole('option', { name: '已支持', exact: true }).click();
  await supervisor.getByRole('button', { name: '查询' }).click();
  await expect(supervisor.getByRole('row').filter({ hasText: reason })).toContainText('经核对接待登记,属实');
  await review(supervisor, 'points-appeal-granted');

  await expect.poll(async () => (await api<{ total: number }>(deputy, `/api/v1/points/deputies/${DEPUTY}?year=${year}`)).total,
    { message: 'the granted points reach the deputy\'s ledger' }).toBe(before.total + 2);
  await deputy.reload();
  await expect(deputy.getByLabel('积分概况')).toContainText(new RegExp(`总分\\s*${before.total + 2}(?!\\d)`));
});
