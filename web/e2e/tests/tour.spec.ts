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

test('a supervisor of Hunan walks through every area of the console and signs out', async ({ page }) => {
  await signIn(page, 'hunan-renda');
  await expect(page.getByRole('navigation').getByRole('menuitem'))
    .toHaveText(['总览', '群众诉求', '联络站', '代表', '积分', '代表建议', '民生实事']);

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
  await openFirst(page);
  await review(page, 'suggestion');
  await area(page, '民生实事', '民生实事');
  await review(page, 'livelihood');
  await openFirst(page);
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
