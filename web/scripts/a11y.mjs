// Opens the console's pages in Debian's Chromium (playwright-core, no browser download) as a signed-in person and
// runs axe-core on each: prints every violation, fails on a serious or critical one, and reports what the
// Content-Security-Policy blocked. The session is a token put where oidc-client-ts keeps it (sessionStorage), so
// the pages are checked without an identity provider; the sign-in itself is the browser tests' part.
//
//   LIANLUO_TOKEN=$(../suite token SUPERVISOR 43 | tail -1) [LIANLUO_HANDLER_TOKEN=…] npm run a11y
//   CONSOLE_URL (default http://127.0.0.1:8080/console/), CHROMIUM (default: `which chromium`), SHOTS (a folder)
import { execSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const base = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080/console/'
const executablePath = process.env.CHROMIUM ?? execSync('which chromium').toString().trim()
const shots = process.env.SHOTS
const token = process.env.LIANLUO_TOKEN
if (!token) {
  console.error('LIANLUO_TOKEN is not set (e.g. $(../suite token SUPERVISOR 43 | tail -1))')
  process.exit(2)
}
if (shots) mkdirSync(shots, { recursive: true })

const config = await (await fetch(new URL('config.json', base))).json()
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
let failed = false

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))
}

async function signedIn(jwt) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })
  const c = claims(jwt)
  const user = {
    access_token: jwt,
    token_type: 'Bearer',
    scope: 'openid profile',
    expires_at: c.exp,
    profile: { sub: c.sub, iss: config.oidcAuthority, aud: config.oidcClientId, exp: c.exp, iat: c.iat },
  }
  await context.addInitScript(
    ([key, value]) => {
      window.sessionStorage.setItem(key, value)
      window.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
    },
    [`oidc.user:${config.oidcAuthority}:${config.oidcClientId}`, JSON.stringify(user)],
  )
  return context
}

async function check(page, name, ready) {
  const started = Date.now()
  await ready()
  const shown = Date.now() - started
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400) // dialogs and menus fade in: axe reads colours once they are opaque
  await page.evaluate(axeSource)
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  const csp = await page.evaluate(() => window.__csp)
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  console.log(`${name}: shown in ${shown} ms; axe: ${result.violations.length} violation(s), ${serious.length} serious or critical; CSP blocked: ${csp.length ? csp.join(', ') : 'nothing'}`)
  for (const v of result.violations) {
    console.log(`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×)`)
    for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')}: ${n.html.slice(0, 160)}`)
  }
  if (serious.length || csp.length) failed = true
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

const staff = await signedIn(token)
const page = await staff.newPage()
const region = claims(token).region

await page.goto(base)
await check(page, `overview-${region}`, () => page.getByTestId('overview-figures').waitFor())
await page.getByTestId('chart-cases-by-month').waitFor({ timeout: 15000 }).catch(() => {})
const drill = page.locator('[data-testid^="drill-"]').first()
if (await drill.count()) {
  await drill.click()
  await check(page, 'overview-child', () => page.getByTestId('overview-figures').waitFor())
}

await page.goto(new URL('cases', base).href)
await check(page, 'cases', () => page.getByTestId('cases-table').waitFor())
const first = page.locator('[data-testid^="case-link-"]').first()
if (await first.count()) {
  await first.click()
  await check(page, 'case', () => page.getByTestId('case-timeline').waitFor())
  const button = page.locator('[data-testid^="command-"]').first()
  if (await button.count()) {
    await button.click()
    await check(page, 'case-command', () => page.getByTestId('command-dialog').first().waitFor())
  }
}
await page.goto(new URL('no/such/page', base).href)
await check(page, 'not-found', () => page.getByRole('heading', { name: '页面不存在' }).first().waitFor())

if (process.env.LIANLUO_HANDLER_TOKEN) {
  const handler = await (await signedIn(process.env.LIANLUO_HANDLER_TOKEN)).newPage()
  await handler.goto(base)
  await check(handler, 'handler-queue', () => handler.getByTestId('cases-table').waitFor())
}

await browser.close()
process.exit(failed ? 1 : 0)
