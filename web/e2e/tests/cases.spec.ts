import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { choose, review, signIn } from '../support/console';

/** A citizen's case as the public intake takes it (the citizens' own pages come with the next issue). */
async function submitCase(page: Page, regionCode: string, title: string, phone = '13900001111'): Promise<{ id: string; trackingCode: string }> {
  const answer = await page.request.post('/api/v1/cases', {
    data: {
      title, content: `${title}:医保报销材料退回三次,不知道还缺什么。`, category: 'MEDICAL_INSURANCE', regionCode,
      citizen: { name: '浏览器测试群众', phone },
    },
  });
  expect(answer.status(), 'the public intake takes the case').toBe(201);
  return answer.json();
}

async function as(browser: Browser, username: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, path);
  return page;
}

/** Opens the case from the list, found by its title as a person searches for it. */
async function openFromList(page: Page, title: string): Promise<void> {
  await page.getByLabel('关键词').fill(title);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('cases-table').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

async function run(page: Page, command: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: command, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: command });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: command, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a case is assigned to 花垣县医疗保障局, which accepts and completes it in its queue; the timeline shows each step', async ({ browser }) => {
  const title = `边城镇医保报销 ${Date.now()}`;
  const { id } = await submitCase(await (await browser.newContext()).newPage(), '433124108', title);

  const staff = await as(browser, 'biancheng-staff', '/console/cases');
  await openFromList(staff, title);
  await expect(staff.getByTestId('case-status')).toHaveText('已受理');
  await run(staff, '交办', async (dialog) => {
    await choose(staff, dialog.getByRole('combobox', { name: '承办单位' }), '花垣县医疗保障局');
  });
  await expect(staff.getByTestId('case-unit')).toHaveText('花垣县医疗保障局');
  await expect(staff.getByTestId('case-timeline')).toContainText('交办');
  await review(staff, 'case-assigned');
  // the 交办单 to print: the browser downloads the PDF, and its text names the case and the unit
  const documents = staff.getByRole('toolbar', { name: '文书' });
  await expect(documents.getByRole('button')).toHaveText(['交办单(PDF)']);
  const [sheet] = await Promise.all([staff.waitForEvent('download'), documents.getByRole('button', { name: '交办单(PDF)' }).click()]);
  expect(sheet.suggestedFilename()).toMatch(/\.pdf$/);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await sheet.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(title.replace(/\s+/g, ''));
  expect(text).toContain('花垣县医疗保障局');

  const unit = await as(browser, 'huayuan-yibao', '/console/');
  await expect(unit.getByRole('heading', { level: 1 })).toHaveText('群众诉求 · 本单位待办');
  await expect(unit.getByRole('navigation').getByRole('menuitem')).toHaveText(['群众诉求', '民生实事']);
  await review(unit, 'handler-queue');
  await openFromList(unit, title);
  await run(unit, '签收');
  await expect(unit.getByTestId('case-status')).toHaveText('办理中');
  // the proof of handling goes with 办结: the unit picks the file, the page uploads it and names it in the command
  const proof = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await run(unit, '办结', async (dialog) => {
    await dialog.getByLabel('办理结果').fill('已补齐材料并完成报销,款项三个工作日内到账。');
    await dialog.getByLabel('办结材料(可不传)').setInputFiles({ name: '报销凭证.pdf', mimeType: 'application/pdf', buffer: proof });
    await expect(dialog.getByTestId('command-files')).toContainText('报销凭证.pdf');
  });
  await expect(unit.getByTestId('case-status')).toHaveText('已办结');
  const files = unit.getByTestId('case-files');
  await expect(files.getByRole('row').nth(1)).toContainText('办结材料');
  const [copy] = await Promise.all([unit.waitForEvent('download'), files.getByRole('button', { name: '报销凭证.pdf' }).click()]);
  expect(copy.suggestedFilename()).toBe('报销凭证.pdf');
  expect(readFileSync(await copy.path())).toEqual(proof);
  const timeline = unit.getByTestId('case-timeline');
  for (const step of ['受理', '交办', '签收', '办结']) await expect(timeline).toContainText(step);
  // each step names the account that took it, as Keycloak signed it in
  await expect(unit.getByTestId('timeline-ASSIGN')).toContainText('联络站工作人员 biancheng-staff');
  await expect(unit.getByTestId('timeline-ACCEPT')).toContainText('承办单位 huayuan-yibao');
  await expect(unit.getByTestId('timeline-COMPLETE')).toContainText('承办单位 huayuan-yibao');
  await expect(timeline).toContainText('已补齐材料并完成报销');
  await review(unit, 'case');
  expect(unit.url()).toContain(`/console/cases/${id}`);
});

test('a supervisor of 花垣县 cannot open a case of 桑植县: the page says so', async ({ browser }) => {
  const title = `桑植县诉求 ${Date.now()}`;
  const { id } = await submitCase(await (await browser.newContext()).newPage(), '430822207', title);
  const page = await as(browser, 'huayuan-renda', `/console/cases/${id}`);
  await expect(page.getByTestId('case-error')).toContainText('无权查看此诉求');
  await expect(page.getByText(title)).toHaveCount(0);
  await review(page, 'case-forbidden');
});

test('staff merge a case the intake flagged as a duplicate, and clear the flag of one that is not', async ({ browser }) => {
  // a phone of its own, so the intake compares these cases with each other only
  const phone = `139${String(Date.now()).slice(-8)}`;
  const citizen = await (await browser.newContext()).newPage();
  const first = await submitCase(citizen, '433124108', `边城镇医保报销重复 ${Date.now()}`, phone);
  const again = `边城镇医保报销又一次 ${Date.now()}`;
  await submitCase(citizen, '433124108', again, phone);

  const staff = await as(browser, 'biancheng-staff', '/console/cases');
  await openFromList(staff, again);
  await expect(staff.getByTestId('case-duplicate')).toContainText('疑似重复件');
  await run(staff, '合并办理', async (dialog) => {
    // the case the intake found is already named
    await expect(dialog.getByLabel('并入的诉求(编号)')).toHaveValue(first.id);
  });
  await expect(staff.getByTestId('case-status')).toHaveText('已合并办理');
  await expect(staff.getByTestId('case-merged')).toContainText('已并入');
  await expect(staff.getByTestId('case-timeline')).toContainText('合并办理');
  await expect(staff.getByRole('toolbar', { name: '办理操作' })).toHaveCount(0);
  await staff.getByTestId('case-merged').getByRole('link', { name: '另一件诉求' }).click();
  await expect(staff).toHaveURL(new RegExp(`/console/cases/${first.id}$`));
  await expect(staff.getByTestId('case-merged')).toHaveCount(0);

  const third = `边城镇医保报销另一件事 ${Date.now()}`;
  await submitCase(citizen, '433124108', third, phone);
  await staff.goto('/console/cases');
  await openFromList(staff, third);
  await expect(staff.getByTestId('case-duplicate')).toBeVisible();
  await run(staff, '不是重复件', async (dialog) => {
    await dialog.getByLabel('说明').fill('同一群众反映的另一件事');
  });
  await expect(staff.getByTestId('case-duplicate')).toHaveCount(0);
  await expect(staff.getByTestId('case-status')).toHaveText('已受理');
  await expect(staff.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '合并办理' })).toHaveCount(0);
});
