import { expect, test, type Page } from '@playwright/test';
import { accessToken, devToken, review, signIn } from '../support/console';
import { assertWebviewFriendly, phone } from '../support/phone';

/** A photo as a phone's camera would give it (a real PNG: the API reads the type from the bytes). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=',
  'base64',
);

/** 市州 → 县市区 → 乡镇(街道), chosen as a person picks them on the phone. */
async function chooseRegion(page: Page, city: string, county: string, township?: string) {
  await page.getByLabel('市州', { exact: true }).first().selectOption({ label: city });
  await page.getByLabel('县市区', { exact: true }).first().selectOption({ label: county });
  if (township) await page.getByLabel('乡镇(街道)', { exact: true }).first().selectOption({ label: township });
}

test('a citizen finds the station of 边城镇 on the phone, with its reception days, and writes to it from there', async ({ browser }) => {
  const page = await phone(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('有事找代表');
  await review(page, 'h5-home');
  await page.getByRole('link', { name: /找联络站/ }).click();
  await chooseRegion(page, '湘西土家族苗族自治州', '花垣县', '边城镇');
  const station = page.getByTestId('station-results').getByRole('link', { name: /边城镇人大代表联络站/ });
  await expect(station).toContainText('下个接待日');
  await review(page, 'h5-stations');
  await station.click();
  await expect(page.getByTestId('station-name')).toHaveText('边城镇人大代表联络站');
  await expect(page.getByTestId('reception-days').getByRole('listitem').first()).toContainText(/\d{4}-\d{2}-\d{2}/);
  // the deputies who sit there, by name and level, and nothing private
  await expect(page.getByTestId('roster')).toContainText('边城示例乡代表');
  await expect(page.getByTestId('roster')).toContainText('乡(镇)人大代表');
  await review(page, 'h5-station');
  await page.getByTestId('write-here').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('民情信箱');
  await expect(page.getByText(/从边城镇人大代表联络站写信/)).toBeVisible();
  await expect(page.getByLabel('乡镇(街道)', { exact: true })).toHaveValue('433124108');
  await assertWebviewFriendly(page);
});

test('a citizen who allows the phone its location finds the nearest station first, with how far it is', async ({ browser, request }) => {
  // the seeds give no station coordinates: 边城镇's staff register a village point with its own, 600 m from the phone;
  // staff copy GCJ-02 from 高德 (28.43715,109.2176 is the GPS point 28.4405,109.2130), the phone's GPS is WGS-84
  const name = `茶峒村联络点 ${Date.now() % 100_000}`;
  const staff = await devToken(request, 'biancheng-staff');
  const made = await request.post('/api/v1/stations', {
    headers: { Authorization: `Bearer ${staff}` },
    data: { type: 'POINT', name, regionCode: '433124108', address: '花垣县边城镇茶峒村', latitude: 28.43715, longitude: 109.2176 },
  });
  expect(made.status(), await made.text()).toBe(201);

  const page = await phone(browser, { latitude: 28.4351, longitude: 109.2130 });
  await page.goto('/stations');
  await page.getByTestId('nearby').click();
  const ours = page.getByTestId('station-results').getByRole('link', { name: new RegExp(name) });
  await expect(ours.getByTestId('distance')).toHaveText(/距您约 (5\d\d|6\d\d) 米/);
  // nearest first (a rerun on the same database meets the stations of earlier runs: the order is what is checked)
  const metres = (await page.getByTestId('distance').allInnerTexts()).map((t) => {
    const [, n, unit] = /约 ([\d.]+) (米|公里)/.exec(t)!;
    return Number(n) * (unit === '公里' ? 1000 : 1);
  });
  expect(metres[0]).toBeLessThanOrEqual(650);
  expect(metres).toEqual([...metres].sort((a, b) => a - b));
  await review(page, 'h5-stations-nearby');
});

test('a citizen writes to the 民情信箱 on the phone, gets a tracking code, and once the station has answered sees the answer and rates it', async ({ browser }) => {
  const title = `边城镇路灯不亮 ${Date.now() % 1_000_000}`;
  const phoneNumber = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const page = await phone(browser);
  await page.goto('/');
  await page.getByRole('link', { name: /民情信箱/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('民情信箱');

  // sent empty: each field says what it needs, nothing is sent
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('problem')).toBeVisible();
  await expect(page.getByText('请用一句话说明是什么事')).toBeVisible();
  await expect(page.getByText('需要您同意后才能提交')).toBeVisible();

  await chooseRegion(page, '湘西土家族苗族自治州', '花垣县', '边城镇');
  await page.getByRole('radio', { name: /水电路网等基础设施/ }).check();
  await page.getByLabel('一句话说明').fill(title);
  await page.getByLabel('具体情况').fill('村口到学校的三盏路灯坏了一个多月,晚上孩子放学路上很黑,希望尽快修好。');
  await page.getByTestId('photo-input').setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByTestId('photos').getByRole('img', { name: '路灯.png' })).toBeVisible();
  await page.getByLabel('称呼').fill('杨大姐');
  await page.getByLabel('手机号').fill(phoneNumber);
  await expect(page.getByTestId('privacy-notice')).toContainText('个人信息处理告知');
  await page.getByTestId('consent').check();
  await review(page, 'h5-mailbox');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('mailbox-sent')).toBeVisible();
  const code = (await page.getByTestId('tracking-code').innerText()).trim();
  expect(code).toMatch(/^LL[0-9A-Z]{10}$/);
  await review(page, 'h5-mailbox-sent');

  // the station answers in the console
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'biancheng-staff', '/console/cases');
  await staff.getByLabel('关键词').fill(title);
  await staff.getByRole('button', { name: '查询' }).click();
  await staff.getByTestId('cases-table').getByRole('link', { name: title }).click();
  await expect(staff.getByTestId('case-fields')).toContainText('杨大姐');
  // the photo came with the case, byte for byte, for those who handle it
  const caseId = new URL(staff.url()).pathname.split('/').pop()!;
  const headers = { Authorization: `Bearer ${await accessToken(staff)}` };
  const view = (await (await staff.request.get(`/api/v1/cases/${caseId}`, { headers })).json()) as { attachments: { url: string }[] };
  expect(view.attachments).toHaveLength(1);
  expect(Buffer.from(await (await staff.request.get(view.attachments[0].url, { headers })).body()).equals(PHOTO)).toBe(true);
  await staff.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '当场答复', exact: true }).click();
  const dialog = staff.getByRole('dialog', { name: '当场答复' });
  await dialog.getByLabel('答复内容').fill('已联系镇供电所,三盏路灯本周五前换好灯头。');
  await dialog.getByRole('button', { name: '当场答复', exact: true }).click();
  await expect(dialog).toBeHidden();

  // the citizen follows the case with the code and the phone
  await page.getByRole('link', { name: '查看进度' }).click();
  await expect(page.getByLabel('查询码')).toHaveValue(code);
  await page.getByLabel('手机号').fill(phoneNumber);
  await page.getByTestId('track').click();
  const steps = page.getByTestId('steps');
  await expect(steps).toContainText('受理');
  await expect(steps).toContainText('答复');
  await expect(page.getByTestId('reply')).toContainText('已联系镇供电所,三盏路灯本周五前换好灯头。');
  await expect(page.getByTestId('rating-form')).toBeVisible();
  await review(page, 'h5-track');
  await page.getByRole('radio', { name: '满意', exact: true }).check();
  await page.getByLabel('还想说的(可不填)').fill('修得很快,谢谢。');
  await page.getByTestId('rate').click();
  await expect(page.getByTestId('rated')).toContainText('满意');
  await review(page, 'h5-rated');
  await assertWebviewFriendly(page);
});

test('the public figures of 边城镇 on the phone are the figures of its staff dashboard', async ({ browser, request }) => {
  // both are cached (the dashboard 30 s, the public figures 60 s) and the tests before this one add cases to 边城镇:
  // the two agree once neither holds an older count, which the test waits for, reading the page as a person reloads it
  test.setTimeout(150_000);
  const token = await devToken(request, 'biancheng-staff');
  const page = await phone(browser);
  const rate = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
  let cases = { received: -1, closed: 0, closedOnTime: 0 };
  await expect(async () => {
    await page.goto('/figures?region=433124108');
    await expect(page.getByTestId('figure-received')).toHaveText(/^\d+$/);
    const overview = await request.get('/api/v1/overview/433124108', { headers: { Authorization: `Bearer ${token}` } });
    expect(overview.status()).toBe(200);
    cases = ((await overview.json()) as { cases: typeof cases }).cases;
    expect(Number(await page.getByTestId('figure-received').innerText())).toBe(cases.received);
  }).toPass({ intervals: [5_000], timeout: 100_000 });
  await expect(page.getByLabel('乡镇(街道)', { exact: true })).toHaveValue('433124108');
  await expect(page.getByTestId('figure-closedRate')).toHaveText(rate(cases.closed, cases.received));
  await expect(page.getByTestId('figure-onTimeRate')).toHaveText(rate(cases.closedOnTime, cases.closed));
  await expect(page.getByTestId('by-month').getByRole('listitem')).toHaveCount(12);
  await review(page, 'h5-figures');
});
