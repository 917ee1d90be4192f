// The JavaScript a browser fetches before the console can show anything, gzipped (issue 21: at most 400 KB):
// the entry chunk and its static imports, and then the same for the first page (the frame and the dashboard); and
// the same for the phone pages' landing page (h5.html), which a citizen opens on a slow connection.
// Reads the build's manifest: run after `npm run build` (or with CONSOLE_OUT_DIR pointing at Maven's output).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const out = process.env.CONSOLE_OUT_DIR ?? 'dist'
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'))

function closure(keys, dynamic = false, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue
    seen.add(key)
    const chunk = manifest[key]
    closure(chunk.imports ?? [], dynamic, seen)
    if (dynamic) closure(chunk.dynamicImports ?? [], false, seen)
  }
  return seen
}

function gzipped(keys) {
  let total = 0
  for (const key of keys) total += gzipSync(readFileSync(join(out, manifest[key].file)), { level: 9 }).length
  return total
}

const entry = 'index.html'
const first = closure([entry])
const pages = ['src/components/AppFrame.vue', 'src/views/overview/OverviewPage.vue'].filter((k) => manifest[k])
const firstPage = closure([entry, ...pages])
const charts = closure([...firstPage, 'src/views/overview/OverviewChart.vue'].filter((k) => manifest[k]))
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`entry chunk + static imports: ${first.size} files, ${kb(gzipped(first))} gzipped`)
console.log(`first page (frame + 总览 figures): ${firstPage.size} files, ${kb(gzipped(firstPage))} gzipped`)
console.log(`first page with its charts (ECharts, loaded after the figures): ${charts.size} files, ${kb(gzipped(charts))} gzipped`)
const phone = closure(['h5.html', 'src/h5/views/HomePage.vue'])
console.log(`phone landing page (h5.html + 首页): ${phone.size} files, ${kb(gzipped(phone))} gzipped`)
const limit = 400 * 1024
if (gzipped(firstPage) > limit) {
  console.error(`the first page's JavaScript is over ${kb(limit)}`)
  process.exit(1)
}
