import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { choose, devToken, review, signIn } from '../support/console';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** 刘家坪白族乡: two county deputies live there, so a county-level vote of its projects is one two people can finish. */
const REGION = '430822207';
/** 边城镇 of 花垣县, whose twenty township deputies vote its projects, and 花垣县医疗保障局, huayuan-yibao's unit. */
const BIANCHENG = '433124108';
const HUAYUAN_YIBAO = '92c9eadf-93ca-3bb6-9462-aebed9461abb';

/**
 * A token of a seeded deputy who has no Keycloak account, minted by `./suite token` with the suite's dev key (as
 * `npm run a11y` does): for setting up the vote that selects the project, never for what the test is about.
 */
function deputyToken(deputyId: string, region: string): string {
  const out = execFileSync(resolve(ROOT, 'suite'), ['token', 'DEPUTY', region, '--deputy', deputyId], { encoding: 'utf8' });
  return out.trim().split('\n').pop()!;
}

/**
 * A project of the region selected by its deputies of the level: two projects shortlisted for one place (差额), every
 * such deputy votes for the first and against the second, and the admin counts. A year not used before by this
 * region's vote of that level is found by trying (a tallied vote takes no more candidates).
 */
async function selectedProject(request: APIRequestContext, title: string, region = REGION, level = 'COUNTY'): Promise<string> {
  const admin = { Authorization: `Bearer ${await devToken(request, 'admin')}` };
  const roll = await request.get(`/api/v1/deputies?region=${region}&level=${level}&size=200`, { headers: admin });
  expect(roll.status(), await roll.text()).toBe(200);
  const listed = (await roll.json()) as { items: { id: string }[]; total: number };
  const deputies = listed.items.map((d) => d.id);
  expect(deputies.length, `the ${level} deputies of ${region}`).toBeGreaterThanOrEqual(2);
  expect(deputies.length, `every ${level} deputy of ${region} on one page`).toBe(listed.total);

  for (let attempt = 0; attempt < 8; attempt++) {
    const year = 2020 + Math.floor(Math.random() * 81);
    const ids: string[] = [];
    for (const name of [title, `${title}(备选)`]) {
      const made = await request.post('/api/v1/livelihood-projects', {
        headers: admin,
        data: { title: name, description: `${name}:群众点题,乡人大主席团审议后提交县人大代表票决。`, regionCode: region, year },
      });
      expect(made.status(), await made.text()).toBe(201);
      ids.push(((await made.json()) as { id: string }).id);
    }
    const now = Date.now();
    const shortlist = { level, places: 1, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() };
    const first = await request.post(`/api/v1/livelihood-projects/${ids[0]}/shortlist`, { headers: admin, data: shortlist });
    if (first.status() === 409) continue; // this year's county vote has begun or been counted already
    expect(first.status(), await first.text()).toBe(200);
    const second = await request.post(`/api/v1/livelihood-projects/${ids[1]}/shortlist`, { headers: admin, data: shortlist });
    expect(second.status(), await second.text()).toBe(200);
    for (const deputy of deputies) {
      const token = { Authorization: `Bearer ${deputyToken(deputy, region)}` };
      for (const [id, choice] of [[ids[0], 'FOR'], [ids[1], 'AGAINST']]) {
        const voted = await request.post(`/api/v1/livelihood-projects/${id}/votes`, { headers: token, data: { choice } });
        expect(voted.status(), await voted.text()).toBe(200);
      }
    }
    const tally = await request.post(`/api/v1/livelihood-projects/${ids[0]}/tally`, { headers: admin });
    expect(tally.status(), await tally.text()).toBe(200);
    return ids[0];
  }
  throw new Error(`no free year for a ${level} vote of ${region}`);
}

test('三督三评: county staff set the unit and budget of a selected project, record spending past the budget and reach a milestone with a photo', async ({ page, request }) => {
  const title = `刘家坪村组道路硬化 ${Date.now() % 100_000}`;
  const id = await selectedProject(request, title);

  await signIn(page, 'hunan-renda', `/console/livelihood/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const budget = page.getByTestId('project-budget');
  await expect(budget).toContainText('未确定');

  // 承办单位与预算: a unit of the region's directory, the budget in yuan
  const plan = page.getByRole('form', { name: '承办单位和预算' });
  await choose(page, plan.getByRole('combobox', { name: '承办单位' }), '刘家坪白族乡人民政府');
  await plan.getByLabel('预算(元)').fill('10000');
  await plan.getByRole('button', { name: '保存承办单位和预算' }).click();
  await expect(page.getByText('承办单位和预算已保存')).toBeVisible();
  await expect(budget).toContainText('刘家坪白族乡人民政府');
  await expect(budget).toContainText('10,000.00 元');

  // 资金支出: two payments, the second past the budget — recorded, summed and flagged
  const spend = page.getByRole('form', { name: '记录支出' });
  for (const [amount, date, note] of [['6000', '2026-11-20', '路基工程款'], ['5000.50', '2026-11-28', '路面工程款']]) {
    await spend.getByLabel('金额(元)').fill(amount);
    await spend.getByLabel('支出日期').fill(date);
    await spend.getByLabel('支出日期').press('Enter');
    await page.keyboard.press('Escape');
    await spend.getByLabel('用途').fill(note);
    await spend.getByRole('button', { name: '记录支出' }).click();
    await expect(page.getByRole('region', { name: '资金支出' }).getByRole('row').filter({ hasText: note })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: '资金支出' })).toContainText('合计支出 11,000.50 元,预算 10,000.00 元');
  await expect(budget.getByTestId('over-budget')).toHaveText('超出预算');
  await expect(budget).toContainText('-1,000.50 元');

  // 节点: planned, then marked done with a photo uploaded first
  const milestones = page.getByRole('region', { name: '节点' });
  const add = page.getByRole('form', { name: '添加节点' });
  await add.getByLabel('节点名称').fill('路基完成');
  await add.getByLabel('计划日期').fill('2026-12-20');
  await add.getByLabel('计划日期').press('Enter');
  await page.keyboard.press('Escape');
  await add.getByRole('button', { name: '添加节点' }).click();
  await expect(page.getByText('已添加节点“路基完成”')).toBeVisible();
  const row = milestones.getByRole('row').filter({ hasText: '路基完成' });
  await expect(row).toContainText('未完成');
  await row.getByRole('button', { name: '标记完成:路基完成' }).click();
  const dialog = page.getByRole('dialog', { name: '标记完成:路基完成' });
  await dialog.getByLabel('完成日期').fill('2026-12-18');
  await dialog.getByLabel('完成日期').press('Enter');
  await dialog.getByLabel('完成情况').fill('3 公里路基全线贯通');
  // a 1×1 PNG, as a phone's photo would be one
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await dialog.getByLabel('现场照片').setInputFiles({ name: '路基贯通.png', mimeType: 'image/png', buffer: png });
  await expect(dialog.getByRole('list', { name: '已上传的照片' })).toContainText('路基贯通.png');
  await dialog.getByRole('button', { name: '确认完成' }).click();
  await expect(page.getByText('节点“路基完成”已完成')).toBeVisible();
  await expect(row).toContainText('2026-12-18');
  await expect(row).toContainText('3 公里路基全线贯通');
  await expect(row.getByRole('button', { name: '路基贯通.png' })).toBeVisible();

  // 三督 and 三评 each kept apart, none recorded yet for this project
  for (const kind of ['督进度', '督质量', '督资金']) {
    await expect(page.getByRole('region', { name: kind })).toContainText(`${kind}(0 次)`);
  }
  for (const source of ['群众评', '代表评', '部门自评']) {
    await expect(page.getByRole('region', { name: source })).toContainText('0 份,满意率 —');
  }
  await review(page, 'livelihood-budget');
});

test('承办单位: 花垣县医疗保障局 finds the project its unit carries out, records a payment and marks a milestone done', async ({ page, request }) => {
  const title = `花垣县村卫生室设备配置 ${Date.now() % 100_000}`;
  const id = await selectedProject(request, title, BIANCHENG, 'TOWNSHIP');
  const year = ((await (await request.get(`/api/v1/livelihood-projects/${id}`)).json()) as { year: number }).year;
  // the county's staff name the unit, its budget and a milestone (the first test does that through the page)
  const admin = { Authorization: `Bearer ${await devToken(request, 'admin')}` };
  const plan = await request.put(`/api/v1/livelihood-projects/${id}/implementation`, {
    headers: admin,
    data: { unitId: HUAYUAN_YIBAO, budgetFen: 5_000_000 },
  });
  expect(plan.status(), await plan.text()).toBe(200);
  const milestone = await request.post(`/api/v1/livelihood-projects/${id}/milestones`, {
    headers: admin,
    data: { title: '设备到位', plannedOn: '2026-12-25' },
  });
  expect(milestone.status(), await milestone.text()).toBe(200);

  // the unit's account finds it under 民生实事, among its own projects of that year
  await signIn(page, 'huayuan-yibao', '/console/');
  await page.getByRole('navigation').getByRole('menuitem', { name: '民生实事' }).click();
  await expect(page.getByTestId('unit-projects')).toContainText('本单位承办的项目');
  await page.getByLabel('年度').fill(String(year));
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('project-budget')).toContainText('花垣县医疗保障局');
  // the unit and budget are the staff's to set, not the unit's
  await expect(page.getByRole('form', { name: '承办单位和预算' })).toHaveCount(0);

  const spend = page.getByRole('form', { name: '记录支出' });
  await spend.getByLabel('金额(元)').fill('12800');
  await spend.getByLabel('支出日期').fill('2026-12-01');
  await spend.getByLabel('支出日期').press('Enter');
  await page.keyboard.press('Escape');
  await spend.getByLabel('用途').fill('心电图机采购');
  await spend.getByRole('button', { name: '记录支出' }).click();
  await expect(page.getByRole('region', { name: '资金支出' }).getByRole('row').filter({ hasText: '心电图机采购' })).toBeVisible();
  await expect(page.getByRole('region', { name: '资金支出' })).toContainText('合计支出 12,800.00 元,预算 50,000.00 元');

  const row = page.getByRole('region', { name: '节点' }).getByRole('row').filter({ hasText: '设备到位' });
  await row.getByRole('button', { name: '标记完成:设备到位' }).click();
  const dialog = page.getByRole('dialog', { name: '标记完成:设备到位' });
  await dialog.getByLabel('完成日期').fill('2026-12-02');
  await dialog.getByLabel('完成日期').press('Enter');
  await dialog.getByLabel('完成情况').fill('12 个村卫生室设备全部到位');
  await dialog.getByRole('button', { name: '确认完成' }).click();
  await expect(page.getByText('节点“设备到位”已完成')).toBeVisible();
  await expect(row).toContainText('12 个村卫生室设备全部到位');
  await review(page, 'livelihood-handler');
});
