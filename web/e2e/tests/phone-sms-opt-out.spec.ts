import { expect, test, type APIRequestContext } from '@playwright/test';
import { devToken, review } from '../support/console';
import { assertWebviewFriendly, phone } from '../support/phone';

/** A message of notification-service's log as ADMIN reads it (GET /api/v1/notifications/messages). */
interface Message {
  rule: string;
  channel: string;
  status: string;
  history: { outcome: string }[];
}

async function messagesOf(request: APIRequestContext, token: string, caseId: string): Promise<Message[]> {
  const answer = await request.get('/api/v1/notifications/messages', {
    headers: { Authorization: `Bearer ${token}` },
    params: { caseId, size: 100 },
  });
  expect(answer.status(), 'the message log, for ADMIN').toBe(200);
  return ((await answer.json()) as { items: Message[] }).items;
}

test('a citizen stops the SMS on the phone: 查进度 → 不再接收短信, and the next SMS of the case is not sent', async ({ browser, request }) => {
  test.setTimeout(150_000);
  // the citizen's letter to 边城镇, sent as the 民情信箱 sends it (the page itself is another spec's)
  const title = `边城镇自来水浑浊 ${Date.now() % 1_000_000}`;
  const phoneNumber = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const sent = await request.post('/api/v1/cases', {
    data: {
      title, content: `${title}:茶峒村这半个月自来水发黄,烧开了也有沉淀。`, category: 'INFRASTRUCTURE', regionCode: '433124108',
      citizen: { name: '吴大姐', phone: phoneNumber },
    },
  });
  expect(sent.status(), 'the public intake takes the case').toBe(201);
  const { id, trackingCode: code } = (await sent.json()) as { id: string; trackingCode: string };

  // notification-service knows the case once it has handled its first event: its intake SMS is in the log
  const admin = await devToken(request, 'admin');
  await expect
    .poll(async () => (await messagesOf(request, admin, id)).map((m) => `${m.channel} ${m.rule}`), { timeout: 60_000 })
    .toContain('SMS citizen-received');

  // the citizen looks the case up on the phone, as every day
  const page = await phone(browser);
  await page.goto('/');
  await page.getByRole('link', { name: /查进度/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('查进度');
  await page.getByLabel('查询码', { exact: true }).fill(code);
  await page.getByLabel('手机号', { exact: true }).fill(phoneNumber);
  await page.getByTestId('track').click();
  await expect(page.getByTestId('steps')).toContainText('受理');

  // 不再接收短信 opens a small form, filled in with what the lookup holds
  await page.getByRole('button', { name: '不再接收短信' }).click();
  const form = page.getByRole('form', { name: '退订短信' });
  await expect(form.getByLabel('查询码', { exact: true })).toHaveValue(code);
  await expect(form.getByLabel('手机号', { exact: true })).toHaveValue(phoneNumber);
  await expect(form).toContainText('退订后');
  await review(page, 'h5-sms-opt-out-form');

  // another phone than the case's: the service's 404, said in Chinese, and nothing done
  const wrong = `${phoneNumber.slice(0, 10)}${(Number(phoneNumber.slice(10)) + 1) % 10}`;
  await form.getByLabel('手机号', { exact: true }).fill(wrong);
  await form.getByRole('button', { name: '确认退订' }).click();
  await expect(form.getByTestId('problem')).toContainText('没有找到这个查询码和手机号对应的诉求');
  await expect(page.getByTestId('opt-out-done')).toHaveCount(0);

  // the case's own phone: done
  await form.getByLabel('手机号', { exact: true }).fill(phoneNumber);
  await form.getByRole('button', { name: '确认退订' }).click();
  const done = page.getByTestId('opt-out-done');
  await expect(done).toContainText('已退订');
  await expect(done).toContainText(`尾号 ${phoneNumber.slice(-4)} 的手机号`);
  await expect(form).toHaveCount(0);
  await review(page, 'h5-sms-opt-out');
  await assertWebviewFriendly(page);

  // 边城镇's staff answer the case on the spot: the rule table gives the citizen an SMS (citizen-answered), which the
  // dispatcher skips, recording why
  const staff = await devToken(request, 'biancheng-staff');
  const answered = await request.post(`/api/v1/cases/${id}/answer`, {
    headers: { Authorization: `Bearer ${staff}` },
    data: { content: '已请镇自来水厂清洗茶峒村的蓄水池,本周内水质复检。' },
  });
  expect(answered.status(), await answered.text()).toBe(200);
  await expect
    .poll(
      async () => {
        const sms = (await messagesOf(request, admin, id)).find((m) => m.channel === 'SMS' && m.rule === 'citizen-answered');
        return sms ? `${sms.status} ${sms.history.map((a) => a.outcome).join(',')}` : 'not yet written';
      },
      { timeout: 60_000 },
    )
    .toBe('SKIPPED OPTED_OUT');

  // the case itself goes on: the citizen still reads the answer on the same page
  await page.getByTestId('track').click();
  await expect(page.getByTestId('reply')).toContainText('已请镇自来水厂清洗茶峒村的蓄水池');
});
