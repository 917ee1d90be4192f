# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# The benchmarks (bench/, docs/performance.md).

# ---------------------------------------------------------------- benchmarks (bench/, docs/performance.md)

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$(cat "$STATE/pids/$1.pid")/status" 2>/dev/null || echo "?"; }

# Waits (up to a minute) until the machine is quiet: at least 85 % of its CPU idle over 2 s. Services just started
# keep compiling for a while, and a service "restarted alone" should not share the cores with that.
wait_quiet() {
  local i a b
  for ((i = 0; i < 30; i++)); do
    a=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
    sleep 2
    b=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !((y[1] - x[1]) >= 0.85 * (y[2] - x[2])) }' && return 0
  done
  return 0
}

started_in() { grep -o 'started in [0-9.]*s' "$STATE/logs/$1.log" | tail -n 1 | awk '{ print $3 + 0 }'; }

cmd_bench() {
  if [ "${1:-}" = "--province-answers" ]; then
    shift
    province_answers "$@"
  elif [ "${1:-}" = "--growth" ]; then
    bench_growth "${2:-province}" "${3:-1 2 5}"
  elif [ "${1:-}" = "--smoke" ]; then
    # every scenario must run and answer without an error; the figures of so short a run mean nothing
    local log="$STATE/bench-smoke.txt"
    mkdir -p "$STATE"
    bench_run 3 20 | tee "$log"
    grep -q "event-to-points" "$log" || die "benchmark smoke: the lag scenario did not run"
    awk '/ err / { for (i = 1; i < NF; i++) if ($(i + 1) == "err" && $i != 0) bad = 1 } END { exit bad }' "$log" ||
      die "benchmark smoke: requests failed (see $log)"
    awk '/event-to-points/ { if ($4 != $8 || $4 == 0) bad = 1 } END { exit bad }' "$log" ||
      die "benchmark smoke: not every case reached the ledger (see $log)"
    say "benchmark smoke passed"
  else
    bench_run 20 200
  fi
}

# The memory a service's pod may use (the Kubernetes base's limit), in MB: the budget every answer is held to.
pod_memory_mb() {
  awk '/limits:/ { limits = 1 } limits && /memory:/ { sub(/Mi$/, "", $2); print $2; exit }' "$ROOT/deploy/k8s/base/case-service.yaml"
}

# Every GET of the contract at its largest through the gateway (bench/answers.mjs), on the running suite and its data:
# no 5xx, none later than the gateway waits, no service resident over its pod's memory limit. At province scale
# (./suite up --province, ./suite seed --scale province) this is the measurement docs/performance.md gives; --smoke,
# run by ./suite test on the small data, the same walk kept from rotting.
province_answers() { # [--smoke]
  ensure_node
  psql_db deputy -Atc "SELECT count(*) FROM deputy" >/dev/null 2>&1 || die "no suite data: ./suite up and ./suite seed first"
  local s pids="$STATE/bench/pids" budget
  budget=$(pod_memory_mb)
  [ -n "$budget" ] || die "no memory limit found in deploy/k8s/base/case-service.yaml"
  rm -rf "$pids" && mkdir -p "$pids"
  for s in "${SERVICES[@]}"; do
    [ -f "$STATE/pids/$s.pid" ] || die "$s is not running (./suite up)"
    cp "$STATE/pids/$s.pid" "$pids/"
  done
  echo "Lianluo province answers, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; JVM options: ${SERVICE_JAVA_OPTS/ @TRIM@/}; data:" \
    "$(psql_db cases -Atc 'SELECT count(*) FROM citizen_case') cases, $(psql_db deputy -Atc 'SELECT count(*) FROM deputy') deputies," \
    "$(psql_db scoring -Atc 'SELECT count(*) FROM ledger_entry') ledger entries"
  node "$ROOT/bench/answers.mjs" --gateway "http://127.0.0.1:${PORT[gateway]}" --token "$(mint_token SUPERVISOR 43 --sub bench)" \
    --pids "$pids" --contract "$ROOT/gateway/src/main/resources/META-INF/contract/openapi.json" --budget-mb "$budget" \
    --year "$(date +%Y)" --read-timeout 15 --export-timeout 120 || die "province answers: an answer failed (above)"
  # a county's cases read by cursor while its staff take new ones in (bench/changes.mjs); at province scale also a page
  # a million rows deep into the province's (the cursor made as the service makes it: base64url of "xact:id")
  local county township deep=() arrivals=300
  county=$(psql_db station -Atc "SELECT left(region_code, 6) FROM station WHERE seed_key LIKE 'bench:%' ORDER BY region_code LIMIT 1")
  county=${county:-433124}
  township=$(psql_db station -Atc "SELECT region_code FROM station WHERE region_code LIKE '$county%' AND length(region_code) = 9 ORDER BY region_code LIMIT 1")
  [ "${1:-}" = "--smoke" ] && arrivals=100
  if [ "${1:-}" != "--smoke" ]; then
    local at
    at=$(psql_db cases -Atc "SELECT xact || ':' || id FROM citizen_case WHERE left(region_code, 2) = '43' ORDER BY xact, id OFFSET 999999 LIMIT 1")
    [ -n "$at" ] && deep=(--deep-cursor "$(printf '%s' "$at" | base64 -w0 | tr '+/' '-_' | tr -d '=')" --deep-region 43 --deep-depth 1000000)
  fi
  node "$ROOT/bench/changes.mjs" --gateway "http://127.0.0.1:${PORT[gateway]}" --reader "$(mint_token SUPERVISOR 43 --sub bench)" \
    --writer "$(mint_token STATION_STAFF "$county" --sub bench-intake)" --region "$county" --township "${township:-${county}108}" \
    --arrivals "$arrivals" --size 200 "${deep[@]}" || die "province answers: the cursor walk failed (above)"
  [ "${1:-}" = "--smoke" ] && say "province answers smoke passed"
  return 0
}

# pgbench's TPS for a script, CONCURRENCY clients for SECONDS on the cases database (its statements prepared, as the
# services' driver does)
pgbench_tps() { # concurrency seconds script
  local tps
  tps=$(PGPASSWORD=$DB_PASSWORD "$(pg_client pgbench)" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -M prepared -c "$1" -j 2 \
    -T "$2" -f "$3" cases 2>"$STATE/bench/pgbench.err" | awk '/^tps/ { printf "%.0f", $3 }') || true
  [ -n "$tps" ] || die "pgbench gave no figure for $3: $(cat "$STATE/bench/pgbench.err")"
  echo "$tps"
}

# A closed run's req/s, off its result line
req_per_s() { awk '{ for (i = 2; i <= NF; i++) if ($i == "req/s") print $(i - 1) }' <<< "$1"; }

# The same request straight at its service and through the gateway, alternately three times at 4 and at 8 clients:
# every run's line, then the ratio of the median p50s and the gateway's median req/s as a share of the direct's
gateway_ratio() { # seconds label service-port path method [body-file]; the harness command is the caller's bench array
  local seconds=$1 label=$2 service_port=$3 path=$4 method=$5 body=${6:-} clients n direct via
  for clients in 4 8; do
    local runs=()
    for n in 1 2 3; do
      # shellcheck disable=SC2086 # no body for a GET
      direct=$(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "$label direct, run $n ($clients clients)" "$clients" "$((seconds / 2))" \
        "$method" "http://127.0.0.1:$service_port$path" $body)
      # shellcheck disable=SC2086
      via=$(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "$label via gateway, run $n ($clients clients)" "$clients" "$((seconds / 2))" \
        "$method" "http://127.0.0.1:${PORT[gateway]}$path" $body)
      printf '%s\n%s\n' "$direct" "$via"
      runs+=("$direct" "$via")
    done
    echo "  $label, $clients clients: gateway p50 / direct p50 $("${bench[@]}" p50-ratio "${runs[@]}") (target ≤ 1.15)," \
      "gateway req/s / direct $("${bench[@]}" rate-share "${runs[@]}") (target ≥ 85 %)"
  done
}

# The harness (bench/Bench.java) compiled under .suite/bench, with its classpath in classpath.txt beside it
harness_compiled() {
  local out="$STATE/bench" cpfile="$STATE/bench/classpath.txt"
  mkdir -p "$out"
  if [ ! -f "$cpfile" ] || [ "$ROOT/bench/pom.xml" -nt "$cpfile" ]; then
    "$ROOT/mvnw" -B -q -f "$ROOT/bench/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2 || die "could not resolve the harness's classpath"
  fi
  # compiled once, not launched from source: the source launcher runs javac in every run's JVM (seconds of CPU
  # taken from the services being measured)
  if [ ! -f "$out/classes/Bench.class" ] || [ "$ROOT/bench/Bench.java" -nt "$out/classes/Bench.class" ] ||
    [ "$DEV_TOKENS_SOURCE" -nt "$out/classes/Bench.class" ]; then
    mkdir -p "$out/classes"
    javac -nowarn -cp "$(cat "$cpfile")" -d "$out/classes" "$ROOT/bench/Bench.java" "$DEV_TOKENS_SOURCE" || die "the harness does not compile"
  fi
}

# How the cost grows with the data: the scale seeded once, twice and five times over (the older cases as earlier
# years, bench/seed/cases.sql), and at each size the province's overview cold, the province's case statistics and
# points ranking, and the intake. Each size is measured as a running province would be: after case-service has
# sealed the seeded citizens' names and phones (PlainTextSweep) and the large tables are vacuumed, as autovacuum
# would have done by then; a size already loaded is not seeded again.
bench_growth() { # scale, sizes ("1 2 5")
  local scale=${1:-province} sizes=${2:-1 2 5} times token year s base
  ensure_wrapper
  build_if_missing
  infra_up
  harness_compiled
  local bench=(java -cp "$STATE/bench/classes:$(cat "$STATE/bench/classpath.txt")" Bench) gw="http://127.0.0.1:${PORT[gateway]}"
  # the intake comes from many simulated citizens (the gateway's public limit is per address)
  export LIANLUO_TRUST_FORWARDED_FOR=true
  service_stop gateway
  for s in "${SERVICES[@]}"; do service_start "$s"; done
  for s in "${SERVICES[@]}"; do wait_ready "$s" 180; done
  token=$(mint_token SUPERVISOR 43 --sub bench)
  year=$(date +%Y)
  printf '{"title":"路灯不亮","content":"村口路灯坏了","category":"PROPERTY","kind":"HELP","regionCode":"433124108","channel":"ONLINE","citizen":{"name":"群众","phone":"139{n}"}}' > "$STATE/bench/case.json"
  echo "Lianluo bench --growth $scale, $(date -u '+%Y-%m-%d %H:%M UTC'); $(java -version 2>&1 | head -n 1)"
  [[ $sizes =~ ^[1-9][0-9]?( [1-9][0-9]?)*$ ]] || die "usage: ./suite bench --growth province|small [\"1 2 5\"]"
  base=$(scale_base_cases "$scale") || die "usage: ./suite bench --growth province|small"
  for times in $sizes; do
    if [ "$(psql_db cases -Atc "SELECT count(*) FROM citizen_case WHERE created_by = 'bench'")" = "$((base * times))" ]; then
      say "scale $scale ×$times is already loaded" >&2
    else
      cmd_seed --scale "$scale" --times "$times" >&2
    fi
    settled >&2
    echo "×$times: $(psql_db cases -Atc 'SELECT count(*) FROM citizen_case') cases, $(psql_db scoring -Atc 'SELECT count(*) FROM ledger_entry') ledger entries," \
      "$(psql_db cases -Atc "SELECT pg_size_pretty(pg_database_size('cases'))") in the cases database"
    # the gateway's overview cache holds an answer 30 s: the seeding took longer, so this one is computed anew; a
    # city's overview first, so that the province's is not the first use of that code in freshly started services
    growth_time "$gw/api/v1/overview/4301?year=$year" "$token" >/dev/null
    echo "  overview/43 cold: $(growth_time "$gw/api/v1/overview/43?year=$year" "$token") s"
    echo "  cases/statistics?region=43: $(growth_time "$gw/api/v1/cases/statistics?region=43" "$token") s, again $(growth_time "$gw/api/v1/cases/statistics?region=43" "$token") s"
    echo "  points/ranking?region=43: $(growth_time "$gw/api/v1/points/ranking?region=43&year=$year" "$token") s, again $(growth_time "$gw/api/v1/points/ranking?region=43&year=$year" "$token") s"
    BENCH_VARY_CLIENT=1 "${bench[@]}" closed "warm-up" 8 90 POST "$gw/api/v1/cases" "$STATE/bench/case.json" >/dev/null
    echo "  $(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "intake via gateway (8 clients)" 8 20 POST "$gw/api/v1/cases" "$STATE/bench/case.json")"
  done
}

# Waits until case-service has sealed every seeded citizen's name and phone (a batch every 30 s), then vacuums and
# analyses the large tables: the state of a province that has been running for a while
settled() {
  local plain started
  started=$(date +%s.%N)
  while plain=$(psql_db cases -Atc "SELECT count(*) FROM citizen_case WHERE citizen_phone IS NOT NULL OR citizen_name IS NOT NULL") &&
    [ "$plain" != 0 ]; do
    [ "$(since "$started" | cut -d. -f1)" -lt 7200 ] || die "$plain citizens are still unsealed after two hours: is case-service running?"
    sleep 10
  done
  psql_db cases -c "VACUUM (ANALYZE) citizen_case" -c "VACUUM (ANALYZE) case_tally"
  psql_db scoring -c "VACUUM (ANALYZE) ledger_entry" -c "VACUUM (ANALYZE) fact"
  say "sealed and vacuumed in $(since "$started") s"
}

# One GET's time in seconds; a status other than 200 stops the run
growth_time() { # url token
  local answer
  answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $2" "$1")
  [ "${answer% *}" = 200 ] || die "$1 answered ${answer% *}"
  echo "${answer#* }"
}

bench_run() { # seconds rate
  local seconds=$1 rate=$2 concurrency=8 s t
  ensure_wrapper
  build_if_missing
  infra_up
  psql_db cases -Atc "SELECT count(*) FROM citizen_case" >/dev/null 2>&1 || die "no suite data: ./suite up and ./suite seed first"
  local out="$STATE/bench"
  harness_compiled
  local bench=(java -cp "$out/classes:$(cat "$out/classpath.txt")" Bench)
  echo "Lianluo bench, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$(java -version 2>&1 | head -n 1); $(psql_db cases -Atc 'SHOW server_version' | cut -d' ' -f1) PostgreSQL; data:" \
    "$(psql_db cases -Atc 'SELECT count(*) FROM citizen_case') cases, $(psql_db deputy -Atc 'SELECT count(*) FROM deputy') deputies," \
    "$(psql_db station -Atc 'SELECT count(*) FROM station') stations, $(psql_db scoring -Atc 'SELECT count(*) FROM ledger_entry') ledger entries"

  # 1. ./suite up from built jars: every service stopped, then all started; the gateway trusts X-Forwarded-For so the
  #    intake below can come from many simulated citizens (the public rate limit is per address)
  service_stop "${SERVICES[@]}"
  export LIANLUO_TRUST_FORWARDED_FOR=true
  t=$(date +%s.%N)
  for s in "${SERVICES[@]}"; do service_start "$s"; done
  for s in "${SERVICES[@]}"; do wait_ready "$s" 180; done
  echo "suite up from built jars to all ready: $(since "$t") s (target ≤ 45 s)"
  sleep 5
  for s in "${SERVICES[@]}"; do
    printf '  %-16s all at once: start %5.2f s, RSS idle %4s MB\n' "$s" "$(started_in "$s")" "$(rss_mb "$s")"
  done
  # each service restarted alone (what a pod with its own CPU sees), three times once the machine is quiet (a start
  # moves by half a second from one to the next); resident size 15 s after the last start (the first seconds after a
  # start the JIT still compiles, and its memory is counted)
  local starts n
  for s in "${SERVICES[@]}"; do
    starts=""
    for n in 1 2 3; do
      wait_quiet
      service_stop "$s"
      service_start "$s"
      wait_ready "$s" 120
      starts="$starts $(started_in "$s")"
    done
    sleep 15
    # shellcheck disable=SC2086 # one start time a word
    printf '  %-16s alone:       start %5.2f s (median of%s s), RSS idle %4s MB (targets ≤ 3 s, ≤ 200 MB)\n' "$s" \
      "$("${bench[@]}" median $starts)" "$starts" "$(rss_mb "$s")"
  done

  # 2. the province's and a county's overview: the first request after the start (the JVMs cold too), warm (from the
  #    gateway's 30-s cache), and with the cache empty on running services (another year, never asked: what an office
  #    sees whenever the cache has expired)
  local token county
  token=$(mint_token SUPERVISOR 43 --sub bench)
  county=$(psql_db station -Atc "SELECT region_code FROM station WHERE seed_key LIKE 'bench:%' AND type = 'HOME' ORDER BY region_code LIMIT 1")
  county=${county:-433124}
  for region in 43 "$county"; do
    echo "overview/$region first request after the start: $(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:${PORT[gateway]}/api/v1/overview/$region?year=2026") s"
    BENCH_TOKEN=$token "${bench[@]}" closed "overview/$region warm (1 client)" 1 "$seconds" GET \
      "http://127.0.0.1:${PORT[gateway]}/api/v1/overview/$region?year=2026"
    echo "overview/$region cold (cache empty, services running): $(curl -s -o /dev/null -w '%{time_total}' \
      -H "Authorization: Bearer $token" "http://127.0.0.1:${PORT[gateway]}/api/v1/overview/$region?year=2025") s (target ≤ 1 s)"
  done
  echo "  (target: p95 ≤ 100 ms warm)"

  # 3. a citizen's case submission through the gateway against what PostgreSQL can do at the same concurrency: a
  #    one-line insert (the first reference), and the intake's own transaction (bench/intake.sql: the statements
  #    case-service issues for one case, read off PostgreSQL's log), whose rows go again afterwards
  psql_db cases -c "CREATE TABLE IF NOT EXISTS bench_ev (id BIGSERIAL PRIMARY KEY, payload TEXT)" >/dev/null
  echo "INSERT INTO bench_ev (payload) VALUES (md5(random()::text));" > "$out/insert.sql"
  local tps intake_tps
  tps=$(pgbench_tps "$concurrency" "$seconds" "$out/insert.sql")
  psql_db cases -c "DROP TABLE bench_ev" >/dev/null
  intake_tps=$(pgbench_tps "$concurrency" "$seconds" "$ROOT/bench/intake.sql")
  psql_db cases -f "$ROOT/bench/intake-cleanup.sql" >/dev/null || die "the intake reference's rows could not be removed"
  echo "reference: pgbench insert-only, $concurrency clients: $tps tps"
  echo "reference: pgbench the intake's transaction (bench/intake.sql), $concurrency clients: $intake_tps tps"
  printf '{"title":"路灯不亮","content":"村口路灯坏了","category":"PROPERTY","kind":"HELP","regionCode":"433124108","channel":"ONLINE","citizen":{"name":"群众","phone":"139{n}"}}' > "$out/case.json"
  local peak="$out/rss-peak"
  : > "$peak"
  ( while :; do for s in "${SERVICES[@]}"; do echo "$s $(rss_mb "$s")"; done >> "$peak"; sleep 1; done ) >/dev/null 2>&1 &
  local sampler=$!
  # shellcheck disable=SC2064 # the pid now
  trap "kill $sampler 2>/dev/null || true" EXIT
  local intake
  # warm-up, not measured: a JVM just started spends its first minutes compiling (C2 took a quarter of the machine
  # in the first minute of intake; 15-s runs one after another right after a benchmark went 120, 150, 179 req/s); what a
  # county's server sees all day is the warm figure
  BENCH_VARY_CLIENT=1 "${bench[@]}" closed "warm-up" "$concurrency" "$((seconds * 9 / 2))" POST \
    "http://127.0.0.1:${PORT[gateway]}/api/v1/cases" "$out/case.json" >/dev/null
  intake=$(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "case intake via gateway ($concurrency clients)" "$concurrency" "$seconds" POST \
    "http://127.0.0.1:${PORT[gateway]}/api/v1/cases" "$out/case.json")
  echo "$intake"
  echo "  intake / pgbench insert-only: $("${bench[@]}" share "$intake" "$tps")"
  echo "  intake / pgbench intake transaction: $("${bench[@]}" share "$intake" "$intake_tps") (target ≥ 50 %)"

  # 4. the gateway's cost: a write (the intake) and a read (a station page), through the gateway and straight at the
  #    owning service, at 4 and 8 clients, alternately three times each (the machine's speed drifts over a minute by
  #    more than the gateway's hop costs)
  local station
  station=$(psql_db station -Atc "SELECT id FROM station ORDER BY id LIMIT 1")
  "${bench[@]}" closed "warm-up" 4 "$((seconds / 2))" GET "http://127.0.0.1:${PORT[station-service]}/api/v1/stations/$station" >/dev/null
  "${bench[@]}" closed "warm-up" 4 "$((seconds / 2))" GET "http://127.0.0.1:${PORT[gateway]}/api/v1/stations/$station" >/dev/null
  gateway_ratio "$seconds" "intake" "${PORT[case-service]}" /api/v1/cases POST "$out/case.json"
  gateway_ratio "$seconds" "station page" "${PORT[station-service]}" "/api/v1/stations/$station" GET

  # 5. a case command's 201 to its ledger entry in scoring-service, at a steady rate: first a minute at half the rate
  #    (the first facts scoring-service scores since its start: its JIT is at work and the figure shows it), then at
  #    the rate of the target twice (the first still warming up; the second is the figure)
  psql_db deputy -Atc "SELECT id || ',' || region_code FROM deputy WHERE seed_key LIKE 'bench:%' ORDER BY id LIMIT 2000" > "$out/deputies.csv"
  [ -s "$out/deputies.csv" ] || psql_db deputy -Atc "SELECT id || ',' || region_code FROM deputy ORDER BY id LIMIT 200" > "$out/deputies.csv"
  local r
  for r in "$((rate / 2)) $((seconds * 3))" "$rate $seconds" "$rate $seconds"; do
    # shellcheck disable=SC2086 # rate and seconds
    BENCH_PRIVATE_KEY=$DEV_PRIVATE_KEY DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD "${bench[@]}" lag "http://127.0.0.1:${PORT[gateway]}" \
      $r "$out/deputies.csv" "jdbc:postgresql://$DB_HOST:$DB_PORT/"
  done
  echo "  (target: p99 ≤ 500 ms at 200/s)"

  # 6. the first minute after a start: intake through the gateway once more on the services as they are now (the
  #    warm figure: section 3's comes four minutes after the start, and the JIT was still at work then), then
  #    case-service restarted alone (as a rolling update does; the others stay warm) and intake from the moment it is
  #    ready, for a minute
  local warm
  warm=$(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "intake, warm (before the restart)" "$concurrency" "$seconds" POST \
    "http://127.0.0.1:${PORT[gateway]}/api/v1/cases" "$out/case.json")
  echo "$warm"
  service_stop case-service
  service_start case-service
  wait_ready case-service 120
  local first
  first=$(BENCH_VARY_CLIENT=1 "${bench[@]}" closed "intake, first minute after a start" "$concurrency" "$((seconds * 3))" POST \
    "http://127.0.0.1:${PORT[gateway]}/api/v1/cases" "$out/case.json")
  echo "$first"
  echo "  first minute / warm: $("${bench[@]}" share "$first" "$(req_per_s "$warm")") (target ≥ 70 %)"
  kill "$sampler" 2>/dev/null || true
  for s in "${SERVICES[@]}"; do
    printf '  %-16s RSS peak under load %4s MB\n' "$s" "$(awk -v s="$s" '$1 == s && $2 > m { m = $2 } END { print m + 0 }' "$peak")"
  done
}
