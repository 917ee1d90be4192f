import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choose, devToken, review, signIn } from '../support/console';
import { assertWebviewFriendly, phone, signInOnPhone } from '../support/phone';

/** A day in Hunan, `days` from today, as the date inputs take it. */
function day(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

/** Types a date into an Element Plus date picker, as a person who knows the date does. */
async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(date);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

/** A citizen comments on the phone: the article, the text, who they are, and their consent. */
async function comment(page: Page, article: string, text: string, phoneNumber: string, name?: string) {
  await page.getByRole('button', { name: `对${article}提意见` }).click();
  await page.getByLabel('您的意见').fill(text);
  if (name) await page.getByLabel('称呼(可不填)').fill(name);
  await page.getByLabel('手机号').fill(phoneNumber);
  await page.getByLabel('市州', { exact: true }).selectOption({ label: '湘西土家族苗族自治州' });
  await page.getByLabel('县市区', { exact: true }).selectOption({ label: '花垣县' });
  await page.getByLabel('乡镇(街道)', { exact: true }).selectOption({ label: '边城镇' });
  await page.getByTestId('consent').check();
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByTestId('comment-sent')).toContainText('意见已收到');
}

test('立法意见征集: the province publishes a draft, citizens of 边城镇 comment on the phone, staff merge, assess and download the 汇总', async ({ browser, page }) => {
  const stamp = Date.now() % 1_000_000;
  const title = `湖南省农村供水条例(草案征求意见稿)${stamp}`;
  // a comment's text with a number of five digits or more waits for moderation: the mark is at most four characters
  const mark = stamp.toString(36);
  const first = `建议第二条明确管护经费最低标准,山区村寨管网长、维修难(${mark})`;
  const duplicate = `第二条的管护经费应当有最低标准,偏远村寨维修跟不上(${mark})`;
  const linked = `水质检测结果请在村务公开栏公布,参考 www.example-shuizhi.cn(${mark})`;

  // a SUPERVISOR of the province publishes the draft, article by article
  await signIn(page, 'hunan-renda');
  await page.getByRole('navigation').getByRole('menuitem', { name: '立法意见征集', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('立法意见征集');
  await page.getByRole('button', { name: '发布草案' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('发布草案');
  await page.getByLabel('草案名称').fill(title);
  await page.getByLabel('提请机关').fill('湖南省人大常委会');
  await pickDate(page, '开始日期', day());
  await pickDate(page, '截止日期', day(30));
  await page.getByLabel('第1条', { exact: true }).fill('为了保障农村居民饮用水安全,规范农村供水工程的建设、运行和管理,制定本条例。');
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.getByLabel('第2条', { exact: true }).fill('县级人民政府对本行政区域内的农村供水工作负总责,将运行管护经费纳入本级财政预算。');
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.getByLabel('第3条', { exact: true }).fill('农村供水工程运行管护单位应当定期检测水质,并向用水户公开检测结果。');
  await review(page, 'draft-new');
  await page.getByRole('form', { name: '发布草案' }).getByRole('button', { name: '发布草案' }).click();
  await expect(page.getByText(`草案“${title}”已发布,共 3 条`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const draftUrl = page.url();
  const draftId = draftUrl.split('/').pop()!;

  // citizens find it among the open drafts on the phone and comment; one with a link waits for moderation
  const citizen = await phone(browser);
  await citizen.goto('/');
  await citizen.getByRole('link', { name: /立法意见征集/ }).click();
  await citizen.getByTestId('draft-list').getByRole('link', { name: new RegExp(`农村供水条例.*${stamp}`) }).click();
  await expect(citizen.getByTestId('draft-title')).toHaveText(title);
  await expect(citizen.getByTestId('draft-articles')).toContainText('第3条');
  await comment(citizen, '第2条', first, '13707435601', '龙大姐');
  await expect(citizen.getByTestId('draft-comments')).toContainText(first);
  await expect(citizen.getByTestId('draft-comments')).not.toContainText('龙大姐');
  await comment(citizen, '第2条', duplicate, '13907438802');
  await comment(citizen, '第3条', linked, '13607431103');
  await expect(citizen.getByTestId('comment-sent')).toContainText('经工作人员审核后公开');
  await expect(citizen.getByTestId('draft-comments')).not.toContainText(linked);
  await review(citizen, 'h5-draft');
  await assertWebviewFriendly(citizen);

  // staff see every comment with the phone masked, the region and the moderation state
  await page.goto(draftUrl);
  const comments = page.getByRole('region', { name: '意见', exact: true });
  const firstRow = comments.getByRole('row').filter({ hasText: first });
  await expect(firstRow).toContainText('137****5601');
  await expect(firstRow).toContainText('边城镇');
  await expect(firstRow).toContainText('已通过');
  await expect(comments.getByRole('row').filter({ hasText: linked })).toContainText('待审核');
  await expect(page.getByRole('region', { name: '各地意见数' }).getByRole('row').filter({ hasText: '边城镇' })).toContainText('3');

  // the duplicate is merged into the first comment, which alone is assessed and counted
  await comments.getByRole('row').filter({ hasText: duplicate }).getByRole('button', { name: '合并' }).click();
  await choose(page, page.getByRole('combobox', { name: '合并到' }), /建议第二条明确管护经费最低标准/);
  await page.getByRole('dialog', { name: '合并重复意见' }).getByRole('button', { name: '合并', exact: true }).click();
  await expect(page.getByText('已合并为重复意见')).toBeVisible();
  await expect(comments.getByRole('row').filter({ hasText: duplicate })).toContainText('已合并至');
  await expect(page.getByRole('region', { name: '各地意见数' }).getByRole('row').filter({ hasText: '边城镇' })).toContainText('2');

  await firstRow.getByRole('button', { name: '评估' }).click();
  const assess = page.getByRole('dialog', { name: '评估意见' });
  await assess.getByRole('radio', { name: '部分采纳' }).check({ force: true });
  await assess.getByLabel('理由').fill('经费向偏远村寨倾斜的意见已吸收进第二条,最低标准由省政府另行规定。');
  await assess.getByRole('button', { name: '保存评估' }).click();
  await expect(page.getByText('已评估:部分采纳')).toBeVisible();
  await expect(firstRow).toContainText('部分采纳');
  const summary = page.getByRole('region', { name: '意见汇总' });
  const second = summary.getByRole('row').filter({ hasText: '第2条' });
  // 第2条: one surviving comment, one merged into it, partly adopted
  await expect(second.getByRole('cell').nth(1)).toHaveText('1');
  await expect(second.getByRole('cell').nth(2)).toHaveText('1');
  await expect(second.getByRole('cell').nth(4)).toHaveText('1');
  await review(page, 'draft');

  // the 汇总 as a spreadsheet and as a PDF, downloaded with the staff's token
  const [table] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: '下载汇总表(Excel)' }).click()]);
  expect(table.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await table.path()).subarray(0, 2).toString('latin1'), 'an xlsx is a zip').toBe('PK');
  const [pdf] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: '下载汇总(PDF)' }).click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // the comment waiting in 内容审核 leads to its draft, not to a livelihood project
  await page.getByRole('navigation').getByRole('menuitem', { name: '内容审核', exact: true }).click();
  const waiting = page.getByRole('row').filter({ hasText: linked });
  await expect(waiting).toContainText('立法意见');
  await expect(waiting.getByRole('link', { name: title })).toHaveAttribute('href', `/console/drafts/${draftId}`);
  await waiting.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(comments.getByRole('row').filter({ hasText: linked })).toContainText('待审核');

  // hidden, it leaves the queue (a rerun finds its own comment near the top) and the 汇总
  await page.goBack();
  await page.getByRole('row').filter({ hasText: linked }).getByRole('button', { name: '隐藏' }).click();
  await page.getByTestId('moderation-dialog').getByLabel('理由(必填)').fill('广告链接,与条文无关');
  await page.getByTestId('moderation-submit').click();
  await expect(page.getByRole('row').filter({ hasText: linked })).toHaveCount(0);
});

test('a deputy of 边城镇 comments on an open draft from the phone, as the deputy and with the text alone', async ({ browser, request }) => {
  const stamp = Date.now() % 1_000_000;
  const title = `湘西土家族苗族自治州古村落保护条例(草案征求意见稿)${stamp}`;
  const text = `建议第一条把吊脚楼群的日常维修列入保护范围(${stamp.toString(36)})`;
  const admin = await devToken(request, 'admin');
  const published = await request.post('/api/v1/draft-laws', {
    headers: { Authorization: `Bearer ${admin}` },
    data: {
      title,
      legislature: '湘西土家族苗族自治州人大常委会',
      regionCode: '4331',
      opensOn: day(),
      closesOn: day(20),
      articles: ['为了加强古村落保护,传承民族传统文化,制定本条例。', '州、县人民政府应当将古村落保护经费纳入本级财政预算。'],
    },
  });
  expect(published.status(), await published.text()).toBe(201);
  const draftId = ((await published.json()) as { id: string }).id;

  const page = await phone(browser);
  await signInOnPhone(page, 'biancheng-deputy');
  await page.getByRole('link', { name: '立法意见征集' }).click();
  await page.getByTestId('draft-list').getByRole('link', { name: new RegExp(`古村落保护条例.*${stamp}`) }).click();
  await expect(page.getByTestId('draft-title')).toHaveText(title);
  await expect(page.getByLabel('手机号')).toHaveCount(0);
  await page.getByRole('button', { name: '对第1条提意见' }).click();
  await page.getByLabel('您的意见').fill(text);
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByTestId('comment-sent')).toContainText('意见已收到');
  const mine = page.getByTestId('draft-comments').getByRole('listitem').filter({ hasText: text });
  await expect(mine).toContainText('人大代表');
  await expect(mine).toContainText('第1条');
  await review(page, 'h5-deputy-draft');
  await assertWebviewFriendly(page);

  // the staff of the county see it as a deputy's, with no phone
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'huayuan-renda', `/console/drafts/${draftId}`);
  const row = staff.getByRole('region', { name: '意见', exact: true }).getByRole('row').filter({ hasText: text });
  await expect(row).toContainText('代表');
  await expect(row).toContainText('边城镇');
  await expect(row).not.toContainText('****');
});
