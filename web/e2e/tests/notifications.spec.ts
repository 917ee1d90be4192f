import { expect, test, type Page } from '@playwright/test';
import { choose, review, signIn } from '../support/console';

/** The unread number on the header's bell, as a person reads it (0 when the badge is hidden). */
async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId('inbox-unread').locator('sup');
  if (!(await badge.isVisible())) return 0;
  return Number((await badge.innerText()).replace('+', ''));
}

test('a unit reads the 交办 of a new case in its 站内信 and marks it read; the bell counts down', async ({ browser }) => {
  const title = `边城镇路灯不亮 ${Date.now()}`;
  const citizen = await (await browser.newContext()).newPage();
  const answer = await citizen.request.post('/api/v1/cases', {
    data: {
      title, content: `${title}:茶峒村进村道路的路灯坏了一个月。`, category: 'INFRASTRUCTURE', regionCode: '433124108',
      citizen: { name: '浏览器测试群众', phone: '13900002222' },
    },
  });
  expect(answer.status(), 'the public intake takes the case').toBe(201);
  const { id } = await answer.json();
  const caseNo = String(id).slice(0, 8).toUpperCase();

  // the station's dispatcher assigns it to 花垣县医疗保障局 (a unit with a console account in the dev realm)
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'biancheng-staff', '/console/cases');
  await staff.getByLabel('关键词').fill(title);
  await staff.getByRole('button', { name: '查询' }).click();
  await staff.getByTestId('cases-table').getByRole('link', { name: title }).click();
  await staff.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '交办', exact: true }).click();
  const dialog = staff.getByRole('dialog', { name: '交办' });
  await choose(staff, dialog.getByRole('combobox', { name: '承办单位' }), '花垣县医疗保障局');
  await dialog.getByRole('button', { name: '交办', exact: true }).click();
  await expect(staff.getByTestId('case-unit')).toHaveText('花垣县医疗保障局');

  // the unit's person signs in: the bell shows the new 交办 among the unread (the service writes it from the event)
  const unit = await (await browser.newContext()).newPage();
  await signIn(unit, 'huayuan-yibao', '/console/');
  const bell = unit.getByTestId('inbox-bell');
  const entry = unit.getByTestId('inbox-entry').filter({ hasText: `交办：诉求件${caseNo}` });
  await expect(async () => {
    await unit.reload();
    await bell.click();
    await expect(entry).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(entry).toContainText('未读');
  await expect(entry).toContainText('请签收办理');
  await review(unit, 'inbox-drawer');
  const before = await unread(unit);
  expect(before, 'the new entry is counted unread').toBeGreaterThan(0);

  await entry.getByRole('button', { name: '标为已读' }).click();
  await expect(entry).toContainText('已读');
  await expect(entry.getByRole('button', { name: '标为已读' })).toHaveCount(0);
  await expect.poll(() => unread(unit)).toBe(before - 1);
});
