import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { api, review, signIn } from '../support/console';

interface Overview {
  name: string;
  year: number;
  degraded: string[];
  cases: { received: number; closed: number; closedOnTime: number; satisfactionRate: number | null; overdueNow: number; merged: number } | null;
  deputies: { total: number; assigned: number } | null;
  stations: { total: number; standardMet: number } | null;
}

/** A share as people read it on the dashboard: one decimal and a per cent sign, or a dash when there is no whole. */
function share(part: number | null, whole = 1): string {
  return part == null || whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

function figure(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true }).locator('[data-role=value]');
}

/** The figures the page shows are those GET /api/v1/overview/{region} answers, for the same signed-in person. */
async function expectFiguresOf(page: Page, region: string): Promise<Overview> {
  const o = await api<Overview>(page, `/api/v1/overview/${region}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${o.name} 总览`);
  expect(o.degraded, 'the local suite answers in full').toEqual([]);
  await expect(page.getByTestId('overview-degraded')).toHaveCount(0);
  await expect(figure(page, `${o.year}年受理诉求`)).toHaveText(String(o.cases!.received));
  // duplicates merged into another case count once, as that case: the card says how many there were beside it
  await expect(page.getByRole('group', { name: `${o.year}年受理诉求`, exact: true })).toContainText(
    `已办结 ${o.cases!.closed} 件` + (o.cases!.merged > 0 ? `,另有重复件合并 ${o.cases!.merged} 件` : ''));
  await expect(figure(page, '办结率')).toHaveText(share(o.cases!.closed, o.cases!.received));
  await expect(figure(page, '按时办结率')).toHaveText(share(o.cases!.closedOnTime, o.cases!.closed));
  await expect(figure(page, '满意度')).toHaveText(share(o.cases!.satisfactionRate));
  await expect(figure(page, '当前超期')).toHaveText(String(o.cases!.overdueNow));
  await expect(figure(page, '全员入站')).toHaveText(share(o.deputies!.assigned, o.deputies!.total));
  await expect(figure(page, '六有达标')).toHaveText(share(o.stations!.standardMet, o.stations!.total));
  return o;
}

test('湖南省人大 signs in through Keycloak, sees the province dashboard and drills down to 边城镇', async ({ page }) => {
  // each script of the console as received, gzipped here at level 6 as Vite reports it (Chromium's own byte counts
  // are not exact for small compressed answers); a body the browser has let go after a navigation is fetched again
  const gzipped = new Map<string, Promise<number>>();
  page.on('requestfinished', (request) => {
    const url = request.url();
    if (request.resourceType() === 'script' && url.includes('/console/') && !gzipped.has(url)) {
      gzipped.set(url, request.response()
        .then((r) => r!.body())
        .catch(() => page.request.get(url).then((again) => again.body()))
        .then((body) => gzipSync(body).length));
    }
  });
  const kilobytes = async (urls: string[]) => {
    const sizes = await Promise.all(urls.map((url) => gzipped.get(url) ?? Promise.reject(new Error(`not seen: ${url}`))));
    expect(sizes.length, 'the console\'s scripts were seen').toBeGreaterThan(3);
    expect(Math.min(...sizes), 'each script arrived with a body').toBeGreaterThan(20);
    return sizes.reduce((a, b) => a + b, 0) / 1024;
  };

  const sent = await signIn(page, 'hunan-renda');
  await expect(figure(page, '办结率')).toHaveText(/%|—/);
  const shown = performance.now() - sent;
  await expect(page.getByTestId('chart-cases-by-month').locator('canvas')).toBeVisible();
  // the first page: the scripts the console had asked for when its figures were in the page (it marks that moment)
  const firstPage = await page.evaluate(() => {
    const mark = performance.getEntriesByName('lianluo:overview-figures')[0]?.startTime ?? 0;
    return performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/console/') && e.name.endsWith('.js') && e.startTime < mark).map((e) => e.name);
  });
  const first = await kilobytes(firstPage);
  const all = await kilobytes([...gzipped.keys()]);
  console.log(`[measure] 43's dashboard showed its figures ${Math.round(shown)} ms after the login form was sent; `
    + `the first page's JavaScript ${first.toFixed(0)} KB gzipped in ${firstPage.length} files, with the charts that `
    + `follow ${all.toFixed(0)} KB in ${gzipped.size}`);
  expect(first, 'the first page\'s JavaScript (KB gzipped) within the issue\'s budget').toBeLessThanOrEqual(400);

  await expect(page.getByTestId('user-name')).toBeVisible();
  await expect(page.getByTestId('user-role')).toHaveText('人大工作人员');
  await expectFiguresOf(page, '43');
  await review(page, 'overview');

  // province → 湘西州 → 花垣县 → 边城镇, by the child regions' links
  for (const [code, name] of [['4331', '湘西土家族苗族自治州'], ['433124', '花垣县'], ['433124108', '边城镇']]) {
    await page.getByTestId('overview-children').getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/console/overview/${code}$`));
    await expectFiguresOf(page, code);
  }
  await review(page, 'overview-township');
});
