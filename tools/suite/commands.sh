# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# The commands of ./suite: up, down, status, logs, test.

# ---------------------------------------------------------------- commands

# SC2120: ./suite up passes its options, the test's start takes the defaults; SC2034: DEMO_SEEDS is read by
# service_start (services.sh)
# shellcheck disable=SC2120,SC2034
cmd_up() {
  local s observe=""
  DEMO_SEEDS="$ROOT/seeds"
  while [ $# -gt 0 ]; do
    case $1 in
      # production's start: reference data only (LIANLUO_SEED_DIR unset)
      --no-demo) DEMO_SEEDS="" ;;
      # the whole Hunan tree is reference data now, loaded at every start
      --province) ;;
      # Prometheus on 127.0.0.1:9090 once the services are up (observe.sh)
      --observe) observe=yes ;;
      # the services on the TLS-only PostgreSQL and the SASL_SSL Kafka (secure.sh); Keycloak stays on the plain ones
      --secure) SECURE_MODE=yes ;;
      *) die "usage: ./suite up [--no-demo] [--observe] [--secure]" ;;
    esac
    shift
  done
  ensure_wrapper
  ensure_documents
  build_if_missing
  infra_up
  if [ -n "${SECURE_MODE:-}" ]; then secure_infra_up; fi
  keycloak_start
  for s in "${SERVICES[@]}"; do service_start "$s"; done
  for s in "${SERVICES[@]}"; do wait_ready "$s" 180; say "$s ready on http://127.0.0.1:${PORT[$s]}"; done
  keycloak_wait 240
  say "Keycloak ready on $KEYCLOAK_URL (issuer $KEYCLOAK_ISSUER)"
  if [ -n "$observe" ]; then
    prometheus_start
    say "Prometheus ready on http://127.0.0.1:$PROMETHEUS_PORT (alerts: /alerts, targets: /targets)"
  fi
  local token
  token=$(mint_token SUPERVISOR 43 --sub dev-supervisor-hunan)
  cat <<EOF

Lianluo is up.
  console:          http://127.0.0.1:${PORT[gateway]}/console/
  gateway:          http://127.0.0.1:${PORT[gateway]}/api/v1
  API docs:         http://127.0.0.1:${PORT[gateway]}/q/swagger-ui   (OpenAPI: /q/openapi)
  station-service:  http://127.0.0.1:${PORT[station-service]}/api/v1/regions/43
  deputy-service:   http://127.0.0.1:${PORT[deputy-service]}
  case-service:     http://127.0.0.1:${PORT[case-service]}
  scoring-service:  http://127.0.0.1:${PORT[scoring-service]}
  notification-service: http://127.0.0.1:${PORT[notification-service]}
  Keycloak:         $KEYCLOAK_URL/admin/   (master realm: $KEYCLOAK_DEV_ADMIN / $KEYCLOAK_DEV_ADMIN_PASSWORD, dev only)
                    realm lianluo, issuer $KEYCLOAK_ISSUER
  PostgreSQL:       $DB_HOST:$DB_PORT (user $DB_USER)     Kafka: $KAFKA_BOOTSTRAP_SERVERS
$(if [ -n "${SECURE_MODE:-}" ]; then secure_summary 2>&1 | sed 's/^/  /'; echo "  (the services use the secure two)"; fi)
  logs:             ./suite logs SERVICE          stop: ./suite down

Sign in to the console as one of the dev users of the realm lianluo (password lianluo for each; deploy/keycloak/):
  admin              ADMIN           43         湖南省
  hunan-renda        SUPERVISOR      43         湖南省
  huayuan-renda      SUPERVISOR      433124     花垣县
  biancheng-staff    STATION_STAFF   433124108  边城镇
  biancheng-grid     STATION_STAFF   433124108  边城镇, a grid worker (网格员, gridId 433124108-03)
  huayuan-yibao      HANDLER         433124     花垣县医疗保障局
  biancheng-deputy   DEPUTY          433124108  边城镇 (a seeded deputy: 边城示例乡代表01)
  cangshuipu-deputy  DEPUTY          430903105  沧水铺镇 (a seeded deputy: 沧水铺示例乡代表01)
A realm user's token from the command line (the dev-only client lianluo-dev-tools, password grant):
  curl -s -d grant_type=password -d client_id=lianluo-dev-tools -d username=hunan-renda -d password=lianluo $KEYCLOAK_ISSUER/protocol/openid-connect/token

Try it through the gateway (a SUPERVISOR token for all of Hunan, 43, valid 12 hours):
  curl -s 'http://127.0.0.1:${PORT[gateway]}/api/v1/stations?region=433124108'
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:${PORT[gateway]}/api/v1/overview/43'
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:${PORT[gateway]}/api/v1/deputies/coverage?region=430903105'
TOKEN=
$token
EOF
}

cmd_down() {
  local s
  for s in "${SERVICES[@]}"; do
    if pid_alive "$STATE/pids/$s.pid"; then say "stopping $s"; fi
  done
  prometheus_stop
  service_stop "${SERVICES[@]}"
  keycloak_stop
  [ -n "$KAFKA_SET" ] || kafka_stop
  [ -n "$DB_HOST_SET" ] || pg_stop
  secure_infra_down
}

cmd_status() {
  local s
  for s in "${SERVICES[@]}"; do
    if pid_alive "$STATE/pids/$s.pid"; then
      local ready=starting
      curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/q/health/ready" 2>/dev/null && ready=ready
      printf '%-16s %-8s pid %-7s http://127.0.0.1:%s\n' "$s" "$ready" "$(cat "$STATE/pids/$s.pid")" "${PORT[$s]}"
    else
      printf '%-16s stopped\n' "$s"
    fi
  done
  if [ -n "$KEYCLOAK_SET" ]; then printf '%-16s external %s\n' keycloak "$KEYCLOAK_URL"
  elif pid_alive "$STATE/pids/keycloak.pid"; then
    local kc=starting
    keycloak_answers && kc=ready
    printf '%-16s %-8s pid %-7s %s (issuer %s)\n' keycloak "$kc" "$(cat "$STATE/pids/keycloak.pid")" "$KEYCLOAK_URL" "$KEYCLOAK_ISSUER"
  elif keycloak_answers; then printf '%-16s running  (not started by this suite) %s\n' keycloak "$KEYCLOAK_URL"
  else printf '%-16s stopped\n' keycloak; fi
  if pid_alive "$STATE/pids/prometheus.pid"; then
    printf '%-16s running  pid %-7s http://127.0.0.1:%s\n' prometheus "$(cat "$STATE/pids/prometheus.pid")" "$PROMETHEUS_PORT"
  else printf '%-16s stopped\n' prometheus; fi
  if [ -n "$DB_HOST_SET" ]; then printf '%-16s external %s:%s\n' postgresql "$DB_HOST" "$DB_PORT"
  elif pg_running; then
    printf '%-16s running  pid %-7s 127.0.0.1:%s\n' postgresql "$(head -n 1 "$STATE/pg/data/postmaster.pid")" "$DB_PORT"
  else printf '%-16s stopped\n' postgresql; fi
  if [ -n "$KAFKA_SET" ]; then printf '%-16s external %s\n' kafka "$KAFKA_BOOTSTRAP_SERVERS"
  elif pid_alive "$STATE/kafka/kafka.pid"; then
    printf '%-16s running  pid %-7s 127.0.0.1:9092\n' kafka "$(cat "$STATE/kafka/kafka.pid")"
  else printf '%-16s stopped\n' kafka; fi
  if secure_pg_running; then
    printf '%-16s running  pid %-7s 127.0.0.1:%s (TLS only)\n' postgresql-tls "$(head -n 1 "$SECURE/pg/data/postmaster.pid")" "$SECURE_DB_PORT"
  fi
  if pid_alive "$SECURE/kafka/kafka.pid"; then
    printf '%-16s running  pid %-7s %s (SASL_SSL)\n' kafka-sasl-ssl "$(cat "$SECURE/kafka/kafka.pid")" "$SECURE_KAFKA"
  fi
}

cmd_logs() {
  local s=${1:-} follow=${2:-} file
  case $s in
    postgres | postgresql) file="$STATE/pg/postgres.log" ;;
    kafka) file="$STATE/kafka/kafka.log" ;;
    "") die "usage: ./suite logs SERVICE [-f]  (${SERVICES[*]} postgres kafka keycloak prometheus)" ;;
    *) file="$STATE/logs/$s.log" ;;
  esac
  [ -f "$file" ] || die "no log for $s yet ($file)"
  if [ "$follow" = "-f" ]; then tail -n 100 -f "$file"; else cat "$file"; fi
}

cmd_test() {
  ensure_wrapper
  shell_check
  source_check
  ensure_node
  ensure_documents
  infra_up
  # the gateway's KeycloakSignInIT signs the realm's users in
  keycloak_start
  keycloak_wait 240
  say "running every test against PostgreSQL $DB_HOST:$DB_PORT, Kafka $KAFKA_BOOTSTRAP_SERVERS and Keycloak $KEYCLOAK_URL"
  # the gateway's SecureSuiteIT starts the TLS-only PostgreSQL and the SASL_SSL Kafka (./suite infra --secure) and runs
  # the five services on them once; they are not needed after it (docs/testing.md)
  (cd "$ROOT" && "$ROOT/mvnw" -B verify "$@")
  secure_infra_down
  if [ $# -eq 0 ]; then
    say "contract checks: the OpenAPI document is what the code generates, Redocly and AsyncAPI lint, a typed client compiles"
    "$ROOT/tools/contract/check"
  fi
  # one start of the whole suite (./suite up) serves the browser tests and then the benchmark smoke
  say "starting the suite for the browser tests and the benchmark smoke (./suite up)"
  # shellcheck disable=SC2119 # with the demo data, as a plain ./suite up
  cmd_up >/dev/null
  if [ $# -eq 0 ]; then browser_tests; logs_privacy_check; fi
  # the benchmark harness, small and short, so it cannot rot (the full run: ./suite bench, docs/performance.md)
  say "benchmark smoke: ./suite seed --scale small, ./suite bench --smoke (adds small bench data to the dev databases)"
  cmd_seed --scale small
  cmd_bench --smoke
  say "province answers smoke: every GET of the contract at its largest (./suite bench --province-answers --smoke)"
  cmd_bench --province-answers --smoke
  service_stop "${SERVICES[@]}"
}
