import { expect, test } from '@playwright/test';
import { choose, openStation, review, signIn } from '../support/console';
import { assertWebviewFriendly, phone } from '../support/phone';

/** 述职评议: a deputy reports to the voters at 边城镇's station; the voters assess it in the room and on their phones. */

const HUB = '边城镇人大代表联络站';
const DEPUTY = '边城示例乡代表01';

test('边城镇\'s staff record a 述职评议 of 边城示例乡代表01, enter a voter\'s assessment on the spot, a voter assesses it on the phone with its code once per phone, and the tally and the dossier count both', async ({ browser, page }) => {
  const stamp = Date.now() % 1_000_000;
  const title = `边城示例乡代表01向选民报告履职情况 ${stamp}`;
  const inTheRoom = `135${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const onThePhone = `0743-${String(Date.now() % 10_000_000).padStart(7, '0')}`;

  await signIn(page, 'biancheng-staff', '/console/stations');
  await openStation(page, HUB);
  const activities = page.getByRole('region', { name: '代表活动' });
  await activities.locator('summary', { hasText: '记录活动' }).click();
  const form = page.getByRole('form', { name: '记录活动' });
  await choose(page, form.getByRole('combobox', { name: '活动类型' }), '代表进站报告履职');
  // the kind's list closes before the next select opens (a click while it fades out goes to the closing list)
  await expect(page.getByRole('option', { name: '代表进站报告履职', exact: true })).toBeHidden();
  await choose(page, form.getByRole('combobox', { name: '述职代表' }), new RegExp(DEPUTY));
  await page.keyboard.press('Escape');
  await form.getByLabel('到会选民人数').fill('36');
  await form.getByLabel('活动主题').fill(title);
  await form.getByLabel('地点').fill('边城镇联络站二楼会议室');
  await form.getByRole('button', { name: '记录活动' }).click();
  await expect(page.getByText(`活动“${title}”已记录`)).toBeVisible();

  // the report opens its 述职评议 at once: the code for the voters' phones, and the entry of one given in the room
  const dialog = page.getByRole('dialog', { name: '述职评议' });
  await expect(dialog).toContainText(title);
  const code = (await dialog.getByTestId('assessment-code').innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
  await expect(dialog.getByTestId('tally-assessed')).toHaveText('0');
  const spot = dialog.getByRole('form', { name: '现场评议' });
  await spot.getByText('满意', { exact: true }).click();
  await spot.getByLabel('选民手机号').fill(inTheRoom);
  await spot.getByRole('button', { name: '录入评议' }).click();
  await expect(page.getByText('已录入:满意')).toBeVisible();
  await expect(dialog.getByTestId('tally-satisfied')).toHaveText('1');
  await expect(dialog.getByTestId('tally-assessed')).toHaveText('1');
  await review(page, 'station-report');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // a voter on the phone: the start page's 述职评议, the code, then 基本满意
  const voter = await phone(browser);
  await voter.goto('/');
  await voter.getByRole('link', { name: /述职评议/ }).click();
  await expect(voter.getByRole('heading', { level: 1 })).toHaveText('述职评议');
  await voter.getByLabel('评议码').fill(code.toLowerCase());
  await voter.getByTestId('open-report').click();
  await expect(voter.getByTestId('report-title')).toHaveText(title);
  await expect(voter.getByTestId('report-deputy')).toHaveText(DEPUTY);
  await voter.getByRole('radio', { name: '基本满意', exact: true }).check();
  await voter.getByLabel('手机号').fill(onThePhone);
  await review(voter, 'h5-report');
  await voter.getByTestId('assess').click();
  await expect(voter.getByTestId('assessed')).toContainText('感谢您的评议:基本满意');

  // the phone staff entered in the room has assessed already: once per phone, wherever it was given
  await voter.reload();
  await voter.getByRole('radio', { name: '不满意', exact: true }).check();
  await voter.getByLabel('手机号').fill(inTheRoom);
  await voter.getByTestId('assess').click();
  await expect(voter.getByTestId('problem')).toContainText('这个手机号已经评议过本次述职');
  await expect(voter.getByTestId('assessed')).toHaveCount(0);
  await assertWebviewFriendly(voter);

  // the tally in the console counts the two
  await page.reload();
  await activities.getByRole('row', { name: new RegExp(title) }).getByRole('button', { name: '评议结果' }).click();
  await expect(dialog.getByTestId('tally-satisfied')).toHaveText('1');
  await expect(dialog.getByTestId('tally-basically-satisfied')).toHaveText('1');
  await expect(dialog.getByTestId('tally-unsatisfied')).toHaveText('0');
  await expect(dialog.getByTestId('tally-assessed')).toHaveText('2');
  await expect(dialog.getByTestId('tally-rate')).toHaveText('100.0%');
  await page.keyboard.press('Escape');

  // and the deputy's 一人一档 lists the report with its counts
  await page.getByRole('navigation').getByRole('menuitem', { name: '代表', exact: true }).click();
  await page.getByLabel('姓名').fill(DEPUTY);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: DEPUTY, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('一人一档');
  const reports = page.getByRole('region', { name: /述职评议/ });
  const report = reports.getByRole('row', { name: new RegExp(title) });
  await expect(report).toContainText('36');
  await expect(report).toContainText('100.0%');
});
