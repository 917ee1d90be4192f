import { expect, test, type Page } from '@playwright/test';
import { review, signIn } from '../support/console';
import { assertWebviewFriendly, phone } from '../support/phone';

/** The public list of 边城镇's projects of a year, once the page has its answer (not the empty list before it). */
async function publicList(page: Page, year: number) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/livelihood-projects?') && r.url().includes('433124108'));
  await page.goto(`/projects?region=433124108&year=${year}`);
  expect((await answered).status()).toBe(200);
  return page.getByTestId('project-list');
}

test('a citizen proposal with a link waits for moderation: off the public list until 边城镇 staff approve it in the console', async ({ browser }) => {
  const year = new Date().getFullYear() + 1;
  const title = `茶峒古镇游客停车场 ${Date.now() % 1_000_000}`;
  const page = await phone(browser);
  await page.goto('/projects');
  await page.getByTestId('propose-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我要点题');
  await page.getByLabel('市州', { exact: true }).selectOption({ label: '湘西土家族苗族自治州' });
  await page.getByLabel('县市区', { exact: true }).selectOption({ label: '花垣县' });
  await page.getByLabel('乡镇(街道)', { exact: true }).selectOption({ label: '边城镇' });
  await page.getByLabel('年度').selectOption(String(year));
  await page.getByLabel('项目名称').fill(title);
  await page.getByLabel('为什么要办、怎么办').fill('节假日游客车辆停满古镇主街,建议在镇口建停车场。方案详见 www.chadong-tingche.cn');
  await page.getByLabel('称呼').fill('田师傅');
  await page.getByLabel('手机号').fill('13907431234');
  await page.getByTestId('consent').check();
  await page.getByRole('button', { name: '提交点题' }).click();
  await expect(page.getByTestId('proposal-pending')).toContainText('需要工作人员审核');
  await review(page, 'h5-propose-pending');

  // not public yet: not on the list
  await expect(await publicList(page, year)).not.toContainText(title);

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'biancheng-staff', '/console/moderation');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('内容审核');
  const row = staff.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('含链接');
  // nor by its address: the public API answers 404 for it while it waits
  const id = (await row.locator('[data-testid^="moderation-item-"]').getAttribute('data-testid'))!.replace('moderation-item-', '');
  expect((await page.request.get(`/api/v1/livelihood-projects/${id}`)).status()).toBe(404);
  await page.goto(`/projects/${id}`);
  await expect(page.getByTestId('problem')).toContainText('未找到');
  await review(staff, 'moderation-queue');
  await row.getByRole('button', { name: '通过' }).click();
  const dialog = staff.getByTestId('moderation-dialog');
  await dialog.getByLabel('理由(选填)').fill('链接为群众自建的方案说明页,内容属实');
  await dialog.getByTestId('moderation-submit').click();
  await expect(staff.getByRole('row').filter({ hasText: title })).toHaveCount(0);

  const list = await publicList(page, year);
  await expect(list).toContainText(title);
  await list.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByTestId('project-title')).toHaveText(title);
  await expect(page.getByText('田师傅')).toHaveCount(0);
  await review(page, 'h5-project');
  await assertWebviewFriendly(page);
});
