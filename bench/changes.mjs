// A county's cases read by cursor (GET /cases/changes) while new cases arrive, as a 12345 platform syncs them: every
// case of the county is delivered, none twice unless it changed between two deliveries, and every case taken in
// while the reader ran is among them. Prints the pages' times; with --deep-cursor, also of a page that deep.
//
//   node bench/changes.mjs --gateway URL --reader JWT --writer JWT --region COUNTY --township CODE \
//                          --arrivals N [--size N] [--deep-cursor CURSOR --deep-region CODE --deep-depth ROWS]
// ./suite bench --province-answers runs it (tools/suite/bench.sh); docs/performance.md has its figures.
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, word, i, all) => (word.startsWith('--') ? [...pairs, [word.slice(2), all[i + 1]]] : pairs), []),
);
const gateway = args.gateway;
const region = args.region;
const arrivals = Number(args.arrivals ?? 100);
const size = Number(args.size ?? 200);

async function call(token, path, init = {}) {
  const answer = await fetch(gateway + path, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const body = await answer.text();
  if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${answer.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function page(after, of = region) {
  const started = performance.now();
  const answer = await call(args.reader, `/api/v1/cases/changes?region=${of}&size=${size}&after=${encodeURIComponent(after ?? '')}`);
  return { ...answer, ms: performance.now() - started };
}

// the writer: the county's staff take cases in one after another while the reader reads
const taken = [];
const firstPhone = Math.floor(Math.random() * 9e7);
let writing = true;
const writer = (async () => {
  try {
    for (let n = 0; n < arrivals; n++) {
      const made = await call(args.writer, '/api/v1/cases', {
        method: 'POST',
        body: JSON.stringify({
          title: '同步测试 路灯不亮', content: `村口第 ${n} 盏路灯坏了`, category: 'PROPERTY', kind: 'HELP',
          regionCode: args.township, channel: 'VISIT',
          citizen: { name: '群众', phone: `139${String(firstPhone + n).padStart(8, '0')}` },
        }),
      });
      taken.push(made.id);
    }
  } finally {
    writing = false;
  }
})();

// the reader: page after page; caught up (a short page) it waits a moment and asks again with the same cursor,
// until the writer is done and a page read after that comes back short
const seen = new Map();
let delivered = 0;
let again = 0;
let repeated = 0;
let after = '';
let pages = 0;
const times = [];
let firstPageMs;
let doneAt;
for (;;) {
  const wasWriting = writing;
  const p = await page(after);
  pages++;
  times.push(p.ms);
  firstPageMs ??= p.ms;
  for (const item of p.items) {
    delivered++;
    const now = JSON.stringify(item);
    if (seen.has(item.id)) {
      if (seen.get(item.id) === now) repeated++;
      else again++;
    }
    seen.set(item.id, now);
  }
  after = p.next;
  if (p.items.length < size) {
    // caught up: done once the writer had finished before this page and every case it took in has come (a case whose
    // transaction is still open anywhere in the cluster waits for a later page; 30 s of that and it counts as lost)
    if (!wasWriting && (taken.every((id) => seen.has(id)) || performance.now() - (doneAt ??= performance.now()) > 30_000)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}
await writer;
const total = (await call(args.reader, `/api/v1/cases?region=${region}&size=1`)).total;
const missing = taken.filter((id) => !seen.has(id));

console.log(`cases of ${region} read by cursor: ${seen.size} distinct of ${total} in the county, ${delivered} delivered `
  + `in ${pages} pages of up to ${size}; ${taken.length} taken in while reading; ${again} delivered again after a change, `
  + `${repeated} delivered twice unchanged; page time median ${median(times).toFixed(0)} ms, first page ${firstPageMs.toFixed(0)} ms`);
if (args['deep-cursor']) {
  const first = [];
  for (let i = 0; i < 5; i++) first.push((await page('', args['deep-region'])).ms);
  console.log(`the first page of ${args['deep-region']}: median of 5 ${median(first).toFixed(0)} ms (${first.map((t) => t.toFixed(0)).join(', ')})`);
  const deep = [];
  for (let i = 0; i < 5; i++) deep.push((await page(args['deep-cursor'], args['deep-region'])).ms);
  console.log(`a page of ${args['deep-region']} at the cursor ${args['deep-depth']} rows deep: median of 5 ${median(deep).toFixed(0)} ms (${deep.map((t) => t.toFixed(0)).join(', ')})`);
}
const wrong = [];
if (seen.size !== total) wrong.push(`${seen.size} cases delivered, the county has ${total}`);
if (missing.length) wrong.push(`${missing.length} cases taken in while reading never delivered: ${missing.slice(0, 5).join(', ')}`);
if (repeated) wrong.push(`${repeated} cases delivered a second time without a change`);
if (taken.length !== arrivals) wrong.push(`only ${taken.length} of ${arrivals} cases taken in`);
if (wrong.length) {
  for (const w of wrong) console.log(`  ${w}`);
  process.exit(1);
}
console.log('each case delivered, none twice unchanged, none of the new ones lost');
