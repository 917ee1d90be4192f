# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Province-scale data for the benchmarks (bench/seed/*.sql).

# ---------------------------------------------------------------- province-scale data

# A PostgreSQL client program: the one on PATH, else the server's (an external DB_HOST needs only the client).
pg_client() { command -v "$1" 2>/dev/null || echo "$(pg_bin)/$1"; }

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

psql_db() { # database, psql arguments…
  local db=$1
  shift
  PGPASSWORD=$DB_PASSWORD "$(pg_client psql)" -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$db" "$@"
}

# The cases of a scale at --times 1 (bench/seed/cases.sql: each further time adds as many, in earlier years)
scale_base_cases() { # scale
  case $1 in province) echo 2000000 ;; small) echo 20000 ;; *) return 1 ;; esac
}

cmd_seed() {
  local usage="usage: ./suite seed --scale province|small [--times N]"
  local scale=${2:-} times=1
  [ "${1:-}" = "--scale" ] || die "$usage"
  if [ "${3:-}" = "--times" ]; then times=${4:-}; fi
  [[ $times =~ ^[1-9][0-9]?$ ]] || die "$usage (N from 1 to 99: that many times the scale's cases, the older ones as earlier years)"
  local townships per_township cases suggestions projects base_cases
  base_cases=$(scale_base_cases "$scale") || die "$usage"
  case $scale in
    province) townships=100000 per_township=60 suggestions=20000 projects=2000 ;;
    small) townships=20 per_township=6 suggestions=200 projects=20 ;;
  esac
  cases=$((base_cases * times))
  local csv="$PROVINCE_TREE"
  [ -f "$csv" ] || die "the province tree $csv is missing"
  if ! psql_db cases -c "SELECT 1 FROM citizen_case LIMIT 0" >/dev/null 2>&1 ||
    ! psql_db scoring -c "SELECT 1 FROM ledger_entry LIMIT 0" >/dev/null 2>&1; then
    die "the services' databases are not there yet: run ./suite up first"
  fi
  local vars=(-v townships="$townships" -v per_township="$per_township" -v cases="$cases" -v base_cases="$base_cases" -v suggestions="$suggestions" -v projects="$projects")
  local work="$STATE/bench" db started total_started
  mkdir -p "$work"
  total_started=$(date +%s.%N)
  for db in station deputy cases; do
    started=$(date +%s.%N)
    psql_db "$db" -c "CREATE UNLOGGED TABLE IF NOT EXISTS bench_region (code TEXT, name TEXT, level TEXT, parent_code TEXT); TRUNCATE bench_region" \
      -c "\\copy bench_region FROM '$csv' WITH (FORMAT csv, HEADER true)" "${vars[@]}" -f "$ROOT/bench/seed/$db.sql" \
      -c "DROP TABLE bench_region" || die "seeding $db failed"
    say "$db: $(since "$started") s"
  done
  # the points follow from the cases case-service now holds
  started=$(date +%s.%N)
  psql_db cases -c "\\copy (SELECT id, receiving_deputy_id, region_code, received_at, status, satisfaction, closed_at FROM citizen_case WHERE created_by = 'bench' AND receiving_deputy_id IS NOT NULL) TO '$work/case-facts.csv' WITH (FORMAT csv)"
  psql_db scoring -c "CREATE UNLOGGED TABLE IF NOT EXISTS bench_region (code TEXT, name TEXT, level TEXT, parent_code TEXT); TRUNCATE bench_region" \
    -c "\\copy bench_region FROM '$csv' WITH (FORMAT csv, HEADER true)" \
    -c "CREATE UNLOGGED TABLE IF NOT EXISTS bench_case_fact (case_id UUID, deputy_id UUID, region_code TEXT, received_at TIMESTAMPTZ, status TEXT, satisfaction TEXT, closed_at TIMESTAMPTZ); TRUNCATE bench_case_fact" \
    -c "\\copy bench_case_fact FROM '$work/case-facts.csv' WITH (FORMAT csv)" "${vars[@]}" -f "$ROOT/bench/seed/scoring.sql" \
    -c "DROP TABLE bench_region; DROP TABLE bench_case_fact" || die "seeding scoring failed"
  rm -f "$work/case-facts.csv"
  say "scoring: $(since "$started") s"
  say "scale $scale ×$times loaded in $(since "$total_started") s:" \
    "$(psql_db station -Atc "SELECT count(*) FROM station") stations," \
    "$(psql_db deputy -Atc "SELECT count(*) FROM deputy") deputies," \
    "$(psql_db cases -Atc "SELECT count(*) FROM citizen_case") cases," \
    "$(psql_db cases -Atc "SELECT count(*) FROM suggestion") suggestions," \
    "$(psql_db cases -Atc "SELECT count(*) FROM livelihood_project") projects," \
    "$(psql_db scoring -Atc "SELECT count(*) FROM ledger_entry") ledger entries"
}
