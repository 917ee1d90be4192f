import { expect, test, type Page } from '@playwright/test';
import { review, signIn } from '../support/console';

async function area(page: Page, menu: string, heading: string) {
  await page.getByRole('navigation').getByRole('menuitem', { name: menu, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
}

/** Opens the first entry of the page's list, as a person clicks a name in a table. */
async function openFirst(page: Page) {
  const link = page.getByRole('main').getByRole('table').getByRole('link').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test('a supervisor of Hunan walks through every area of the console and signs out', async ({ browser, page }) => {
  // a deputy of 边城镇 puts forward a suggestion, so the province has one to open (the seeds have none)
  const suggestion = `关于修缮边城镇茶峒古渡码头的建议 ${Date.now() % 100000}`;
  const deputy = await (await browser.newContext()).newPage();
  await signIn(deputy, 'biancheng-deputy');
  await area(deputy, '代表建议', '代表建议');
  await deputy.getByRole('button', { name: '提出建议' }).click();
  await expect(deputy.getByRole('heading', { level: 1 })).toHaveText('提出建议');
  await deputy.getByLabel('建议标题').fill(suggestion);
  await deputy.getByLabel('建议内容').fill('茶峒古渡码头石阶松动,雨天湿滑,群众多次反映,建议县交通运输局安排修缮资金。');
  await deputy.getByRole('button', { name: '提交建议' }).click();
  await expect(deputy.getByText('建议已提出')).toBeVisible();
  await expect(deputy.getByRole('heading', { level: 1 })).toContainText(suggestion);
  await review(deputy, 'suggestion-new');

  await signIn(page, 'hunan-renda');
  await expect(page.getByRole('navigation').getByRole('menuitem'))
    .toHaveText(['总览', '群众诉求', '联络站', '代表', '积分', '代表建议', '民生实事', '立法意见征集', '内容审核']);

  await area(page, '群众诉求', '群众诉求');
  await review(page, 'cases');
  await area(page, '联络站', '联络站');
  await openFirst(page);
  await review(page, 'station-page');
  await area(page, '代表', '代表名册');
  await review(page, 'deputies');
  await openFirst(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('一人一档');
  await review(page, 'deputy-dossier');
  await area(page, '积分', '履职积分');
  await review(page, 'points-ranking');
  for (const [tab, shot] of [['积分规则', 'points-rules'], ['积分申诉', 'points-appeals'], ['积分预警', 'points-alerts']]) {
    await page.getByRole('tab', { name: tab }).click();
    await review(page, shot);
  }
  await area(page, '代表建议', '代表建议');
  await review(page, 'suggestions');
  await page.getByRole('main').getByRole('link', { name: suggestion }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(suggestion);
  await review(page, 'suggestion');

  // a project put up for the province's livelihood vote, then its page
  const project = `湘西州农村客运班线通村 ${Date.now() % 100000}`;
  await area(page, '民生实事', '民生实事');
  await review(page, 'livelihood');
  await page.getByRole('button', { name: '征集民生实事' }).click();
  const form = page.getByRole('form', { name: '征集民生实事' });
  await form.getByLabel('项目名称').fill(project);
  await form.getByLabel('项目说明').fill('开通剩余 12 个行政村的客运班线,群众出行不再步行到乡镇。');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText(`民生实事“${project}”已征集`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(project);
  await review(page, 'livelihood-project');

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page, 'signed out, the console asks for a sign-in again').toHaveURL(/:8180\/realms\/lianluo\//);
  await page.goto('/console/cases');
  await expect(page).toHaveURL(/:8180\/realms\/lianluo\//);
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
});
test('a deputy sees the areas of a deputy and their own points ledger', async ({ page }) => {
  await signIn(page, 'biancheng-deputy');
  await expect(page.getByRole('navigation').getByRole('menuitem')).toHaveText(['群众诉求', '积分', '代表建议', '民生实事']);
  await area(page, '积分', '履职积分');
  await page.getByRole('button', { name: '我的积分' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('边城示例乡代表01 · 积分明细');
  await review(page, 'deputy-ledger');
});
