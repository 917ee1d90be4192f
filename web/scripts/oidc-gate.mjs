// The console's sign-in gate against a stand-in OpenID provider (Playwright answers the provider's URLs, so no
// Keycloak is needed): discovery, the authorization redirect with PKCE (S256), the code exchange, the return to the
// page asked for, the sign-out redirect with id_token_hint, and the page shown when the provider cannot be reached.
// The stand-in hands out the token given (the gateway verifies it as any other).
//
//   LIANLUO_TOKEN=$(../suite token SUPERVISOR 433124 --sub huayuan-renda | tail -1) npm run oidc-gate
//   CONSOLE_URL (default http://127.0.0.1:8080/console/), CHROMIUM (default: `which chromium`)
import { execSync } from 'node:child_process'
import { chromium } from 'playwright-core'

const base = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080/console/'
const executablePath = process.env.CHROMIUM ?? execSync('which chromium').toString().trim()
const token = process.env.LIANLUO_TOKEN
if (!token) {
  console.error('LIANLUO_TOKEN is not set')
  process.exit(2)
}
const config = await (await fetch(new URL('config.json', base))).json()
const authority = config.oidcAuthority
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
const now = Math.floor(Date.now() / 1000)
const idToken = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: authority, aud: config.oidcClientId, sub: 'u-1', iat: now, exp: now + 3600, preferred_username: 'huayuan-renda', name: '花垣县人大' })}.`
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } })
const seen = {}
await ctx.route(`${new URL(authority).origin}/**`, async (route) => {
  const req = route.request()
  const url = new URL(req.url())
  const cors = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' }
  if (url.pathname.endsWith('/.well-known/openid-configuration')) {
    return route.fulfill({ headers: cors, body: JSON.stringify({ issuer: authority, authorization_endpoint: `${authority}/protocol/openid-connect/auth`, token_endpoint: `${authority}/protocol/openid-connect/token`, end_session_endpoint: `${authority}/protocol/openid-connect/logout`, jwks_uri: `${authority}/protocol/openid-connect/certs`, userinfo_endpoint: `${authority}/protocol/openid-connect/userinfo` }) })
  }
  if (url.pathname.endsWith('/auth')) {
    seen.authorize = Object.fromEntries(url.searchParams)
    const back = new URL(url.searchParams.get('redirect_uri'))
    back.searchParams.set('code', 'the-code')
    back.searchParams.set('state', url.searchParams.get('state'))
    return route.fulfill({ status: 302, headers: { Location: back.href } })
  }
  if (url.pathname.endsWith('/token')) {
    seen.token = Object.fromEntries(new URLSearchParams(req.postData()))
    return route.fulfill({ headers: cors, body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, refresh_token: 'r-1', id_token: idToken, scope: 'openid profile' }) })
  }
  if (url.pathname.endsWith('/logout')) {
    seen.logout = Object.fromEntries(url.searchParams)
    return route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html lang="en"><body>signed out</body></html>' })
  }
  return route.fulfill({ status: 404, body: '' })
})
const page = await ctx.newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
await page.goto(`${base}cases?status=ASSIGNED`)
await page.getByTestId('cases-table').waitFor({ timeout: 20000 })
const failures = []
if (seen.authorize.code_challenge_method !== 'S256' || seen.authorize.response_type !== 'code') failures.push('no PKCE code flow')
if (!seen.token.code_verifier) failures.push('no code_verifier in the code exchange')
if (!page.url().endsWith('/console/cases?status=ASSIGNED')) failures.push(`back at ${page.url()}, not at the page asked for`)
console.log('authorize:', JSON.stringify({ ...seen.authorize, state: '…', code_challenge: seen.authorize.code_challenge?.length + ' chars' }))
console.log('token:', JSON.stringify({ grant_type: seen.token.grant_type, code: seen.token.code, redirect_uri: seen.token.redirect_uri, code_verifier: seen.token.code_verifier?.length + ' chars' }))
console.log('back at:', page.url())
console.log('header:', (await page.getByTestId('who').innerText()).replace(/\n/g, ' '))
await page.getByTestId('sign-out').click()
await page.waitForURL(/logout/)
console.log('logout:', JSON.stringify({ ...seen.logout, id_token_hint: seen.logout.id_token_hint ? 'present' : 'absent' }))
console.log('session left:', await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user'))))
// the provider down: the page says so instead of staying blank
await ctx.unroute(`${new URL(authority).origin}/**`)
await ctx.route(`${new URL(authority).origin}/**`, (route) => route.abort())
const fresh = await ctx.newPage()
await fresh.goto(`${base}cases`)
await fresh.getByTestId('sign-in-retry').waitFor({ timeout: 20000 })
console.log('provider down:', fresh.url(), await fresh.locator('.el-result__title').innerText())
if (!seen.logout.post_logout_redirect_uri || !seen.logout.id_token_hint) failures.push('sign-out without id_token_hint or return address')
await browser.close()
if (failures.length) {
  console.error(failures.join('\n'))
  process.exit(1)
}
