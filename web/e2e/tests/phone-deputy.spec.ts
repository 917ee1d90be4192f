import { expect, test } from '@playwright/test';
import { devToken, review } from '../support/console';
import { assertWebviewFriendly, phone, signInOnPhone } from '../support/phone';

test('biancheng-deputy signs in on the phone, registers a citizen at the station, answers on the spot and sees the points it earned', async ({ browser }) => {
  const page = await phone(browser);
  await signInOnPhone(page, 'biancheng-deputy');
  await review(page, 'h5-deputy-home');
  await page.getByRole('link', { name: '我的积分' }).click();
  const before = Number(await page.getByTestId('points-total').innerText());
  const answeredBefore = await page.getByTestId('ledger').getByText('当场答复诉求').count();

  await page.goto('/deputy/');
  await page.getByRole('link', { name: '登记来访' }).click();
  // on a reception day of the deputy's station the visit is a 进站接待, on another day a visit (主动下访)
  await expect(page.getByTestId('reception-day')).toBeVisible();
  const stationId = await page.getByLabel('联络站').inputValue();
  const station = (await (await page.request.get(`/api/v1/stations/${stationId}`)).json()) as { nextReceptionDays: { date: string }[] };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const receptionDay = station.nextReceptionDays.some((d) => d.date === today);
  await expect(page.getByTestId('reception-day')).toContainText(receptionDay ? '按进站接待登记' : '按主动下访登记');
  const title = `茶峒村灌溉渠堵塞 ${Date.now() % 1_000_000}`;
  await page.getByRole('radio', { name: /农业生产与农产品销路/ }).check();
  await page.getByLabel('一句话记下是什么事').fill(title);
  await page.getByLabel('群众反映的情况').fill('上游灌溉渠被落石堵住,下游二十亩稻田缺水。');
  await page.getByLabel('称呼').fill('龙大哥');
  await page.getByLabel('手机号').fill('13812345678');
  await review(page, 'h5-deputy-reception');
  await page.getByTestId('register-visit').click();

  await expect(page.getByTestId('case-title')).toHaveText(title);
  await expect(page.getByTestId('case-channel')).toHaveText(receptionDay ? '进站接待' : '主动下访');
  await page.getByLabel('答复内容').fill('已请村委会明天组织清理落石,水利站技术员到场指导。');
  await page.getByTestId('send-answer').click();
  await expect(page.getByTestId('command-done')).toContainText('已当场答复');
  await review(page, 'h5-deputy-case');

  // the points follow from the events (case received, answered on the spot) a moment later
  await page.goto('/deputy/points');
  await expect(async () => {
    await page.reload();
    expect(await page.getByTestId('ledger').getByText('当场答复诉求').count()).toBeGreaterThan(answeredBefore);
  }).toPass({ timeout: 30_000 });
  expect(Number(await page.getByTestId('points-total').innerText())).toBeGreaterThan(before);
  await review(page, 'h5-deputy-points');

  // back on the citizens' pages of the same tab, nothing is sent with the deputy's token
  const asked = page.waitForRequest((r) => r.url().includes('/api/v1/cases/categories'));
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('link', { name: /民情信箱/ }).click();
  expect((await asked).headers()['authorization'], 'a citizen page sends no token').toBeUndefined();
  await assertWebviewFriendly(page);
});

test('cangshuipu-deputy votes on an open livelihood project on the phone, and a second vote is refused on the page', async ({ browser, request }) => {
  // the counts stay secret until the tally (after closesAt): the API's own tests count them; this one is the page's
  // two projects of 沧水铺镇 for one place (差额), shortlisted by the admin: the vote the deputy finds open. A year of
  // its own keeps a rerun on the same database out of an earlier run's vote.
  const admin = await devToken(request, 'admin');
  const year = 2030 + (Math.floor(Date.now() / 1000) % 70);
  const stamp = Date.now() % 100_000;
  const ids: string[] = [];
  for (const title of [`沧水铺镇农贸市场改造 ${stamp}`, `沧水铺镇中学塑胶跑道 ${stamp}`]) {
    const made = await request.post('/api/v1/livelihood-projects', {
      headers: { Authorization: `Bearer ${admin}` },
      data: { title, description: `${title}:群众点题,镇人大主席团审议后提交票决。`, regionCode: '430903105', year },
    });
    expect(made.status(), await made.text()).toBe(201);
    ids.push(((await made.json()) as { id: string }).id);
  }
  const now = Date.now();
  for (const id of ids) {
    const listed = await request.post(`/api/v1/livelihood-projects/${id}/shortlist`, {
      headers: { Authorization: `Bearer ${admin}` },
      data: { level: 'TOWNSHIP', places: 1, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() },
    });
    expect(listed.status(), await listed.text()).toBe(200);
  }

  const page = await phone(browser);
  await signInOnPhone(page, 'cangshuipu-deputy');
  await page.getByRole('link', { name: '民生实事票决' }).click();
  const card = page.getByTestId(`vote-${ids[0]}`);
  await expect(card).toContainText('农贸市场改造');
  await card.getByRole('radio', { name: '赞成' }).check();
  await card.getByRole('button', { name: '投票' }).click();
  await expect(card.getByTestId('vote-said')).toHaveText('已投赞成票');
  await review(page, 'h5-deputy-vote');

  await card.getByRole('radio', { name: '反对' }).check();
  await card.getByRole('button', { name: '投票' }).click();
  await expect(card.getByTestId('vote-said')).toHaveText('不能再投:您已对该项目投过票');
  await assertWebviewFriendly(page);
});
