import { expect, type Browser, type Page } from '@playwright/test';
import { DEV_PASSWORD, watchPolicy } from './console';

/**
 * A phone as citizens and deputies hold it: 360×640, touch, and the user agent of WeChat's built-in browser, which opens
 * the same pages. Pop-ups are what such a webview does not do: every context of these tests fails on one.
 */
export const WECHAT =
  'Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160083 MMWEBSDK/20231202 MMWEBID/2247 ' +
  'MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

const popups = new WeakMap<Page, string[]>();

export async function phone(browser: Browser, where?: { latitude: number; longitude: number }): Promise<Page> {
  const context = await browser.newContext({
    // where the phone is, for a test of the nearest stations: the person has allowed the page to know it
    ...(where ? { geolocation: where, permissions: ['geolocation'] } : {}),
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT,
  });
  const page = await context.newPage();
  const opened: string[] = [];
  popups.set(page, opened);
  // window.open or a link with a target: what a webview would not show
  page.on('popup', (p) => opened.push(p.url()));
  watchPolicy(page);
  return page;
}

/**
 * What a webview would refuse: a second window, or a cookie of another site. The pages keep what they need in the page
 * and in sessionStorage; the only cookies are Keycloak's, on the same host (127.0.0.1, another port: the same site).
 */
export async function assertWebviewFriendly(page: Page): Promise<void> {
  const context = page.context();
  expect(popups.get(page) ?? [], 'pages opened as pop-ups').toEqual([]);
  const host = new URL(page.url()).hostname;
  const foreign = (await context.cookies()).filter((c) => c.domain.replace(/^\./, '') !== host).map((c) => `${c.name}@${c.domain}`);
  expect(foreign, 'cookies of another site').toEqual([]);
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(scrolls, 'the page fits the phone: no sideways scrolling').toBeLessThanOrEqual(0);
}

/** A deputy signs in on the phone: the deputy's page sends them to Keycloak, and back. */
export async function signInOnPhone(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('deputy-sign-in').click();
  await expect(page).toHaveURL(/:8180\/realms\/lianluo\//);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEV_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('deputy-name')).toBeVisible();
  await expect(page).not.toHaveURL(/\/deputy\/callback/);
}
