import { type Browser, expect, type Page, test } from '@playwright/test';
import { choose, openStation, review, signIn } from '../support/console';
import { assertWebviewFriendly, phone, signInOnPhone } from '../support/phone';

/** 代表有约 at 边城镇's station: slots opened in the console, booked and cancelled on the phone, the meeting recorded. */

const HUB = '边城镇人大代表联络站';
/** biancheng-deputy; seated at the hub by the seeds, as 边城示例乡代表17 is. */
const DEPUTY = '边城示例乡代表01';

const chinaDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const chinaTime = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

/**
 * Staff of 边城镇 open one slot of today at {@code hhmm} for the deputy in the console, and a citizen books it on the
 * phone; the console stays on the station's page.
 */
async function slotOfTodayBooked(page: Page, browser: Browser, hhmm: string, name: string, citizenPhone: string, topic: string) {
  await signIn(page, 'biancheng-staff', '/console/stations');
  const stationId = await openStation(page, HUB);
  const appointments = page.getByRole('region', { name: '代表有约' });
  await appointments.locator('summary', { hasText: '为一位代表开放时段' }).click();
  const slotForm = page.getByRole('form', { name: '开放时段' });
  await choose(page, slotForm.getByRole('combobox', { name: '代表' }), new RegExp(DEPUTY));
  await page.keyboard.press('Escape');
  await slotForm.getByLabel('开始时间').fill(hhmm);
  await slotForm.getByRole('button', { name: '开放时段' }).click();
  await expect(page.getByText(new RegExp(`已为${DEPUTY}开放 .*${hhmm} 的时段`))).toBeVisible();

  const citizen = await phone(browser);
  await citizen.goto(`/stations/${stationId}/appointments`);
  await citizen.getByRole('radio', { name: new RegExp(`^${hhmm}–.*${DEPUTY}`) }).first().check();
  await citizen.getByLabel('称呼').fill(name);
  await citizen.getByLabel('手机号').fill(citizenPhone);
  await citizen.getByLabel('想反映的事').fill(topic);
  await citizen.getByTestId('consent').check();
  await citizen.getByTestId('book').click();
  await expect(citizen.getByTestId('booking-code')).toHaveText(/^[A-HJKMNP-Z2-9]{8}$/);
  return { stationId, appointments, citizen };
}

test('边城镇\'s staff open the next reception day\'s slots; a citizen books a deputy on the phone, is refused a second booking with the same deputy, and cancels with the code', async ({ browser, page }) => {
  const stamp = Date.now() % 1_000_000;
  const citizenPhone = `136${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const topic = `茶峒村自来水管冬天冻裂 ${stamp}`;

  await signIn(page, 'biancheng-staff', '/console/stations');
  const stationId = await openStation(page, HUB);
  const appointments = page.getByRole('region', { name: '代表有约' });
  // the next reception day is chosen already; opening it twice adds nothing, so a rerun is told so
  await expect(appointments.getByRole('form', { name: '开放接待日时段' })).toContainText(/\d{4}-\d{2}-\d{2}/);
  await appointments.getByRole('button', { name: '开放接待日时段' }).click();
  await expect(page.getByText(/已开放 \d{4}-\d{2}-\d{2} 的 \d+ 个时段|\d{4}-\d{2}-\d{2} 的时段此前已全部开放/)).toBeVisible();
  await review(page, 'station-appointments');

  const citizen = await phone(browser);
  await citizen.goto(`/stations/${stationId}`);
  await citizen.getByTestId('appointments-here').click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('代表有约');
  await expect(citizen.getByTestId('appointment-station')).toContainText(HUB);
  const slot = citizen.getByRole('radio', { name: new RegExp(DEPUTY) }).first();
  await expect(slot).toBeVisible();

  // sent with nothing filled in: each field says what it needs, nothing is booked
  await citizen.getByTestId('book').click();
  await expect(citizen.getByTestId('problem')).toContainText('还有内容需要填写');
  await expect(citizen.getByText('请先选一个时段')).toBeVisible();

  await slot.check();
  await expect(citizen.getByTestId('chosen-slot')).toContainText(DEPUTY);
  await citizen.getByLabel('称呼').fill('龙阿姨');
  await citizen.getByLabel('手机号').fill(citizenPhone);
  await citizen.getByLabel('想反映的事').fill(topic);
  await expect(citizen.getByTestId('privacy-notice')).toContainText('个人信息处理告知');
  await citizen.getByTestId('consent').check();
  await review(citizen, 'h5-appointments');
  await citizen.getByTestId('book').click();
  await expect(citizen.getByTestId('booking-receipt')).toContainText('预约成功');
  await expect(citizen.getByTestId('booking-receipt')).toContainText(DEPUTY);
  const code = (await citizen.getByTestId('booking-code').innerText()).trim();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  await review(citizen, 'h5-appointment-booked');

  // the same phone with the same deputy in another slot, while the first is open: refused, in Chinese
  await citizen.getByRole('button', { name: '预约其他时段' }).click();
  await citizen.getByRole('radio', { name: new RegExp(DEPUTY) }).first().check();
  await citizen.getByTestId('book').click();
  await expect(citizen.getByTestId('problem')).toContainText('这个手机号已经预约了这位代表');
  await expect(citizen.getByTestId('booking-receipt')).toHaveCount(0);

  // cancelled with the code and the phone it was booked with; another phone does not go with the code
  await citizen.getByRole('link', { name: '取消预约', exact: true }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('取消预约');
  await citizen.getByLabel('预约码').fill(code.toLowerCase());
  await citizen.getByLabel('手机号').fill('13900000000');
  await citizen.getByTestId('cancel-appointment').click();
  await expect(citizen.getByTestId('problem')).toContainText('没有找到这个预约码和手机号对应的预约');
  await citizen.getByLabel('手机号').fill(citizenPhone);
  await citizen.getByTestId('cancel-appointment').click();
  await expect(citizen.getByTestId('cancelled')).toContainText('已取消');
  await review(citizen, 'h5-appointment-cancelled');
  await assertWebviewFriendly(citizen);

  // the station's list has it, cancelled, the citizen masked
  await page.reload();
  await choose(page, appointments.getByRole('combobox', { name: '状态', exact: true }), '已取消');
  await appointments.getByRole('button', { name: '查询' }).click();
  const row = appointments.getByRole('row', { name: new RegExp(topic) });
  await expect(row).toContainText('已取消');
  await expect(row).toContainText(masked(citizenPhone));
  await expect(row).not.toContainText(citizenPhone);
});

test('边城镇\'s staff open a slot of today for a deputy, a citizen books it on the phone, staff record the meeting with what remains, and the deputy sees it among their appointments', async ({ browser, page }) => {
  // a meeting is recorded once its day has come and a slot opens for a time still to come: today, a little later
  const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / 300_000) * 300_000);
  test.skip(chinaDate(start) !== chinaDate(new Date()), 'too close to midnight in China for a slot later today');
  const hhmm = chinaTime(start);
  const stamp = Date.now() % 1_000_000;
  const citizenPhone = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const topic = `边城镇渡口码头台阶松动 ${stamp}`;
  const request = `请镇交通站修复渡口码头台阶 ${stamp}`;

  const { appointments } = await slotOfTodayBooked(page, browser, hhmm, '吴大爷', citizenPhone, topic);

  // the meeting, with a request still to be handled: the dialog gives the citizen whole, for taking it in as a case
  await page.reload();
  const row = appointments.getByRole('row', { name: new RegExp(topic) });
  await expect(row).toContainText('已预约');
  await expect(row).toContainText(masked(citizenPhone));
  await row.getByRole('button', { name: '登记见面' }).click();
  const dialog = page.getByRole('dialog', { name: '登记见面' });
  await dialog.getByLabel('见面情况').fill('代表当面查看了照片,答应联系镇交通站。');
  await dialog.getByLabel('待办事项').fill(request);
  await dialog.getByRole('button', { name: '登记见面', exact: true }).click();
  await expect(page.getByText(`已登记见面,计入${DEPUTY}的进站接待`)).toBeVisible();
  await expect(dialog).toContainText('有待办事项');
  await expect(dialog).toContainText(citizenPhone);
  await expect(dialog).toContainText(request);
  await review(page, 'station-appointment-met');
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已见面');
  await expect(row).toContainText(`待办:${request}`);
  await expect(row.getByRole('button', { name: '登记见面' })).toHaveCount(0);

  // the deputy's own list on the phone
  const deputy = await phone(browser);
  await signInOnPhone(deputy, 'biancheng-deputy');
  await deputy.getByRole('link', { name: '我的预约' }).click();
  await expect(deputy.getByRole('heading', { level: 1 })).toHaveText('我的预约');
  const closed = deputy.getByTestId('closed-appointments').getByRole('listitem').filter({ hasText: topic });
  await expect(closed).toContainText('已见面');
  await expect(closed).toContainText(`待办:${request}`);
  await expect(closed).toContainText(HUB);
  await review(deputy, 'h5-deputy-appointments');
  await assertWebviewFriendly(deputy);
});

test('边城镇\'s staff withdraw a deputy\'s booked slot after a confirmation: the booking is cancelled and the phone no longer offers the slot', async ({ browser, page }) => {
  // a slot later today, as above; any coming time would do, today keeps the date picker at its default
  const start = new Date(Math.ceil((Date.now() + 25 * 60_000) / 300_000) * 300_000);
  test.skip(chinaDate(start) !== chinaDate(new Date()), 'too close to midnight in China for a slot later today');
  const hhmm = chinaTime(start);
  const stamp = Date.now() % 1_000_000;
  const citizenPhone = `135${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const topic = `边城镇老街排水沟堵塞 ${stamp}`;

  const { stationId, appointments, citizen } = await slotOfTodayBooked(page, browser, hhmm, '彭大哥', citizenPhone, topic);

  // 近期时段 lists it booked out (1 / 1); 撤销时段 asks first, and 不撤销 leaves it as it was
  await page.reload();
  const slotRow = appointments
    .getByRole('row', { name: new RegExp(`${hhmm}.*${DEPUTY}`) })
    .filter({ has: page.getByRole('button', { name: '撤销时段' }) })
    .first();
  await expect(slotRow).toContainText('1 / 1');
  await slotRow.getByRole('button', { name: '撤销时段' }).click();
  const confirm = page.getByRole('dialog', { name: '撤销时段' });
  await expect(confirm).toContainText('已预约的 1 位群众的预约将被取消,并收到短信通知');
  await confirm.getByRole('button', { name: '不撤销' }).click();
  await expect(confirm).toBeHidden();
  await expect(appointments.getByRole('row', { name: new RegExp(topic) })).toContainText('已预约');

  await slotRow.getByRole('button', { name: '撤销时段' }).click();
  await confirm.getByLabel('撤销原因').fill('代表临时参加县人大常委会会议');
  await review(page, 'station-slot-withdraw');
  await confirm.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText('已撤销时段,1 位群众的预约已取消并将收到短信通知')).toBeVisible();
  await expect(appointments.getByRole('row', { name: new RegExp(topic) })).toContainText('已取消');

  // the phone no longer offers it
  await citizen.goto(`/stations/${stationId}/appointments`);
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('代表有约');
  await expect(citizen.getByRole('radio', { name: new RegExp(`^${hhmm}–.*${DEPUTY}`) })).toHaveCount(0);
});
