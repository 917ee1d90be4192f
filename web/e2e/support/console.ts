import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** Every dev user of the realm deploy/keycloak/lianluo-realm.json has this password (dev only). */
export const DEV_PASSWORD = 'lianluo';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * Where the screenshots of the pages go: test-results/pages by default, so a test run leaves the committed ones alone;
 * LIANLUO_SCREENSHOTS=docs/console (a path from the project root) refreshes those docs/console.md shows.
 */
export const SCREENSHOTS = process.env.LIANLUO_SCREENSHOTS
  ? resolve(here, '../../..', process.env.LIANLUO_SCREENSHOTS)
  : resolve(here, '../test-results/pages');

/**
 * Signs in as a person does: opens the console, is sent to Keycloak's login page, types the name and the password,
 * presses 登录 and lands back in the console. Returns the moment the login form was sent (ms, performance clock of
 * the test process) so a test can tell how long the first page took after it.
 */
export async function signIn(page: Page, username: string, path = '/console/'): Promise<number> {
  watchPolicy(page);
  await page.goto(path);
  await expect(page, 'the console sends an unsigned visitor to Keycloak').toHaveURL(/:8180\/realms\/lianluo\//);
  // the realm speaks Chinese to a browser that asks for zh-CN (the tests' locale)
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEV_PASSWORD);
  const sent = performance.now();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  // back in the console, past its callback page: the header names the person signed in
  await expect(page.getByTestId('user-name')).toBeVisible();
  await expect(page).not.toHaveURL(/\/console\/callback/);
  return sent;
}

const refused = new WeakMap<Page, string[]>();

/** Remembers what the gateway's Content-Security-Policy refused on this page (review() fails on any). */
export function watchPolicy(page: Page): void {
  if (refused.has(page)) return;
  const seen: string[] = [];
  refused.set(page, seen);
  page.on('console', (message) => {
    // the gateway's pages (the console and the phone pages), not Keycloak's, which has its own policy
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && !page.url().includes(':8180/')) {
      seen.push(message.text());
    }
  });
}

/** Staff find a station in 联络站 by its name, as a person does, and open its page; answers the station's id. */
export async function openStation(page: Page, name: string): Promise<string> {
  await page.getByRole('navigation').getByRole('menuitem', { name: '联络站', exact: true }).click();
  await page.getByLabel('名称或地址').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The signed-in user's access token, as the console keeps it (oidc-client-ts in sessionStorage). */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i)!;
      if (key.startsWith('oidc.user:')) return JSON.parse(sessionStorage.getItem(key)!).access_token as string;
    }
    return null;
  });
  expect(token, 'a signed-in console keeps its token in sessionStorage').toBeTruthy();
  return token!;
}

/** GET of the public API with the page's own token: what the console was given, to compare with what it shows. */
export async function api<T>(page: Page, path: string): Promise<T> {
  const answer = await page.request.get(path, { headers: { Authorization: `Bearer ${await accessToken(page)}` } });
  expect(answer.status(), `GET ${path}`).toBe(200);
  return (await answer.json()) as T;
}

/**
 * Looks at the page as it stands: no serious or critical axe-core finding (GB/T 37668 asks for keyboard and
 * screen-reader use), and a screenshot docs/console/NAME.png.
 */
export async function review(page: Page, name: string): Promise<void> {
  // a dialog or a toast still fading is half transparent: look once the page has come to rest, as a person would;
  // a toast (el-message) leaves by itself after a few seconds, and may start to fade while axe is looking
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(grave, `axe-core on ${name}`).toEqual([]);
  expect(refused.get(page) ?? [], `what the console's CSP refused on ${name}`).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * A dev user's access token by the password grant of the dev-only client lianluo-dev-tools: for a test's setting-up
 * (the data a person would have made elsewhere), never for what the test is about.
 */
export async function devToken(request: APIRequestContext, username: string): Promise<string> {
  const answer = await request.post('http://127.0.0.1:8180/realms/lianluo/protocol/openid-connect/token', {
    form: { grant_type: 'password', client_id: 'lianluo-dev-tools', username, password: DEV_PASSWORD },
  });
  expect(answer.status(), `a token for ${username}`).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

/**
 * Picks OPTION in an Element Plus select as a person does: clicks the select, and clicks it again when its list did not
 * open (a click that lands while a dialog or the page is still settling opens nothing, and a forced click does not wait),
 * then reads the select: a click on an option of a list still opening can leave nothing chosen, and is made again.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const item = page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option });
  // what the select shows once chosen (its list is elsewhere in the page, so it is not counted here)
  const shown = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " el-select ")][1]');
  const chosen = async () => {
    const text = (await shown.textContent()) ?? '';
    return typeof option === 'string' ? text.includes(option) : option.test(text);
  };
  await expect(async () => {
    if (await chosen()) return;
    if (!(await item.isVisible())) await select.click({ force: true });
    await item.click({ timeout: 2_000 });
    expect(await chosen(), 'the select shows the option chosen').toBe(true);
  }).toPass({ timeout: 30_000 });
}
