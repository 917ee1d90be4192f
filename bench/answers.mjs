// Every GET of the contract, asked through the gateway at its largest: the whole province (region 43), the largest
// page size the contract allows, a deep page, every export format. For each answer: its status, time, bytes (rows for
// CSV), and the resident size (VmRSS) of every service sampled every 100 ms while it ran. Fails (exit 1) on a 5xx, an
// answer that began later than the gateway waits (either of them twice in a row), or a service whose resident size
// went over its budget.
//
//   node bench/answers.mjs --gateway URL --token JWT --pids DIR --contract openapi.json --budget-mb N \
//                          [--read-timeout S] [--export-timeout S] [--region CODE] [--year YYYY]
// ./suite bench --province-answers runs it (tools/suite/bench.sh); docs/performance.md has its figures.
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, word, i, all) => (word.startsWith('--') ? [...pairs, [word.slice(2), all[i + 1]]] : pairs), []),
);
const gateway = args.gateway;
const token = args.token;
const region = args.region ?? '43';
const year = args.year ?? String(new Date().getFullYear());
const budgetMb = Number(args['budget-mb']);
const readTimeout = Number(args['read-timeout'] ?? 15);
const exportTimeout = Number(args['export-timeout'] ?? 120);
const contract = JSON.parse(readFileSync(args.contract, 'utf8'));
// the deepest page a list serves starts at row 100,000 (QueryParams.DEEPEST_OFFSET); deeper is a 400
const deepestOffset = 100_000;

const services = readdirSync(args.pids)
  .filter((f) => f.endsWith('.pid'))
  .map((f) => ({ name: basename(f, '.pid'), pid: readFileSync(`${args.pids}/${f}`, 'utf8').trim() }));

function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Math.round(Number(line.split(/\s+/)[1]) / 1024);
  } catch {
    return 0; // not running: the answer's status says what that meant
  }
}

/** Resolves a parameter's schema through $ref (components.schemas). */
function schemaOf(parameter) {
  let schema = parameter.schema ?? {};
  while (schema.$ref) schema = contract.components.schemas[schema.$ref.split('/').pop()];
  return schema;
}

function parametersOf(operation) {
  return (operation.parameters ?? []).map((p) => (p.$ref ? contract.components.parameters[p.$ref.split('/').pop()] : p));
}

async function ask(path) {
  const peak = Object.fromEntries(services.map((s) => [s.name, rssMb(s.pid)]));
  const before = { ...peak };
  const sampler = setInterval(() => {
    for (const s of services) peak[s.name] = Math.max(peak[s.name], rssMb(s.pid));
  }, 100);
  const started = performance.now();
  let status = 0;
  let headers = 0;
  let bytes = 0;
  let lines = 0;
  let first = '';
  try {
    const answer = await fetch(gateway + path, { headers: { Authorization: `Bearer ${token}` } });
    status = answer.status;
    headers = (performance.now() - started) / 1000;
    for await (const chunk of answer.body) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
      if (first.length < 4096) first += Buffer.from(chunk.subarray(0, 4096)).toString('utf8');
    }
  } catch (e) {
    first = String(e);
  } finally {
    clearInterval(sampler);
  }
  for (const s of services) peak[s.name] = Math.max(peak[s.name], rssMb(s.pid));
  return { path, status, headers, seconds: (performance.now() - started) / 1000, bytes, lines, first, peak, before };
}

/** A first item's field of a list answer (ids for the paths that need one). */
const samples = new Map();
async function sample(listPath, field = 'id') {
  const key = `${listPath} ${field}`;
  if (!samples.has(key)) {
    const answer = await ask(`${listPath}${listPath.includes('?') ? '&' : '?'}size=1`);
    let value;
    try {
      value = JSON.parse(answer.first).items?.[0]?.[field];
    } catch {
      value = undefined;
    }
    samples.set(key, value);
  }
  return samples.get(key);
}

const unknownId = '00000000-0000-4000-8000-000000000000';
const listOf = (path) => (contract.paths[path]?.get ? path : undefined);

/** The value of a path parameter: an id of the resource's own list where there is one, else one that is 404. */
async function pathValue(path, name, schema) {
  if (['region', 'regionCode', 'code'].includes(name)) return region;
  if (schema.enum) return schema.enum[0];
  if (name === 'year') return year;
  if (name === 'quarter') return '1';
  if (name === 'kind') return 'PROJECT';
  if (name === 'trackingCode') return 'LL00000000';
  const base = path.slice(0, path.indexOf(`/{${name}}`));
  const list = base === '/api/v1/points/deputies' ? '/api/v1/deputies' : base === '/api/v1/moderation/{kind}' ? undefined : listOf(base);
  if (!list) return unknownId;
  return (await sample(`${list}?region=${region}`)) ?? unknownId;
}

/** The requests of one GET: its largest page, a deep page, each export format. */
async function requestsOf(path, operation) {
  let resolved = path;
  for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
    const declared = parametersOf(operation).find((p) => p.in === 'path' && p.name === name);
    resolved = resolved.replace(`{${name}}`, encodeURIComponent(await pathValue(path, name, declared ? schemaOf(declared) : {})));
  }
  const query = [];
  let formats = [undefined];
  let pageable = false;
  let size = 20;
  for (const p of parametersOf(operation)) {
    if (p.in !== 'query') continue;
    const schema = schemaOf(p);
    if (p.name === 'region') query.push(`region=${region}`);
    else if (p.name === 'year') query.push(`year=${year}`);
    else if (p.name === 'size') {
      size = schema.maximum ?? 200;
      query.push(`size=${size}`);
    }
    else if (p.name === 'page') pageable = true;
    else if (p.name === 'format' && schema.enum) formats = schema.enum;
    else if (p.name === 'format') formats = ['csv', 'xlsx'];
    else if (p.name === 'station') query.push(`station=${(await sample(`/api/v1/stations?region=${region}`)) ?? unknownId}`);
    else if (p.name === 'phone') query.push('phone=13900000000');
    else if (p.required) query.push(`${p.name}=${encodeURIComponent(schema.default ?? schema.enum?.[0] ?? '1')}`);
  }
  const urls = formats.map((f) => resolved + '?' + [...query, ...(f ? [`format=${f}`] : [])].join('&'));
  if (pageable) urls.push(`${resolved}?${[...query, `page=${Math.floor(deepestOffset / size)}`].join('&')}`);
  return urls.map((u) => u.replace(/\?$/, ''));
}

const failures = [];
const overall = Object.fromEntries(services.map((s) => [s.name, 0]));
const printRow = (cells) => console.log(cells.join('  '));
printRow(['status', 'first byte', 'seconds', '     bytes', '   lines', 'largest RSS rise (MB)', 'request']);
for (const [path, item] of Object.entries(contract.paths).sort(([a], [b]) => a.localeCompare(b))) {
  if (!item.get) continue;
  for (const url of await requestsOf(path, item.get)) {
    // the gateway's rule (ServiceProxy.timeoutOf): a GET …/export may stay silent for the export timeout
    const limit = /\/export(\?|$)/.test(url) ? exportTimeout : readTimeout;
    let a = await ask(url);
    if (a.status >= 500 || a.status === 0 || a.headers > limit) {
      // asked once more, and judged by that: the first request of a path after a service starts pays its classes'
      // loading and first compilations (17 s once for the first list asked, on two cores with a build beside it)
      printRow([String(a.status).padStart(6), a.headers.toFixed(2).padStart(10), a.seconds.toFixed(2).padStart(7),
        String(a.bytes).padStart(10), String(a.lines).padStart(8), '(first ask; again:)'.padEnd(21), url]);
      a = await ask(url);
    }
    const rise = services.map((s) => [s.name, a.peak[s.name] - a.before[s.name]]).sort((x, y) => y[1] - x[1])[0] ?? ['-', 0];
    for (const s of services) overall[s.name] = Math.max(overall[s.name], a.peak[s.name]);
    printRow([String(a.status).padStart(6), a.headers.toFixed(2).padStart(10), a.seconds.toFixed(2).padStart(7), String(a.bytes).padStart(10),
      String(a.lines).padStart(8), `${rise[0]} +${rise[1]}`.padEnd(21), url]);
    if (a.status >= 500 || a.status === 0) failures.push(`${url}: ${a.status} ${a.first.slice(0, 300)}`);
    // the gateway waits this long for an answer to begin (a stream may then take longer to pass through)
    if (a.headers > limit) failures.push(`${url}: began after ${a.headers.toFixed(1)} s, over the gateway's ${limit} s`);
    for (const s of services) {
      if (a.peak[s.name] > budgetMb) failures.push(`${url}: ${s.name} resident ${a.peak[s.name]} MB, over ${budgetMb} MB`);
    }
  }
}
console.log(`peak resident size over the walk (budget ${budgetMb} MB): ` +
  services.map((s) => `${s.name} ${overall[s.name]} MB`).join(', '));
if (failures.length) {
  console.log(`${failures.length} answer(s) failed:`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log('every GET answered: no 5xx, none over the gateway timeout, no service over its budget');
