# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# ./suite up --observe: Debian's Prometheus on 127.0.0.1:9090, scraping the running services' /q/metrics every 15 s and
# evaluating the alerting rules the Kubernetes install uses (deploy/k8s/monitoring, docs/operations.md).

PROMETHEUS_PORT=9090
PROMETHEUS_RULES="$ROOT/deploy/k8s/monitoring/prometheus/lianluo.rules.yml"
# the gateway's metrics are on Quarkus's management interface: 8090 under ./suite (9000 in Kubernetes)
GATEWAY_MANAGEMENT_PORT=8090

ensure_prometheus() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return
  apt_install prometheus || die "./suite up --observe needs Debian's prometheus (with promtool): apt-get install prometheus"
}

# The configuration, written at every start: one job a service, named as the Kubernetes Service is (the job label the
# rules and the dashboard group by).
prometheus_config() { # file
  local s address
  {
    printf '# written by ./suite up --observe (tools/suite/observe.sh) at each start: edits are lost\n'
    printf 'global:\n  scrape_interval: 15s\n  scrape_timeout: 10s\n  evaluation_interval: 15s\n'
    printf 'rule_files:\n  - %s\n' "$PROMETHEUS_RULES"
    printf 'scrape_configs:\n'
    for s in "${SERVICES[@]}"; do
      address=${PORT[$s]}
      [ "$s" = gateway ] && address=$GATEWAY_MANAGEMENT_PORT
      printf '  - job_name: %s\n    metrics_path: /q/metrics\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' "$s" "$address"
    done
  } > "$1"
}

prometheus_start() {
  local pidfile="$STATE/pids/prometheus.pid" dir="$STATE/prometheus" i
  pid_alive "$pidfile" && return
  ensure_prometheus
  port_open 127.0.0.1 "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT for Prometheus is taken by a process this suite did not start"
  mkdir -p "$dir/data" "$STATE/pids" "$STATE/logs"
  prometheus_config "$dir/prometheus.yml"
  promtool check config "$dir/prometheus.yml" > "$STATE/logs/promtool.log" 2>&1 \
    || { cat "$STATE/logs/promtool.log" >&2; die "promtool refused $dir/prometheus.yml (above)"; }
  nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --storage.tsdb.retention.time=15d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    > "$STATE/logs/prometheus.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  for ((i = 0; i < 120; i++)); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" 2>/dev/null && return 0
    pid_alive "$pidfile" || { tail -n 20 "$STATE/logs/prometheus.log" >&2; die "Prometheus exited while starting (./suite logs prometheus)"; }
    sleep 0.5
  done
  die "Prometheus was not ready within 60 s (./suite logs prometheus)"
}

prometheus_stop() {
  local pidfile="$STATE/pids/prometheus.pid" i
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  say "stopping Prometheus"
  kill "$(cat "$pidfile")" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do
    pid_alive "$pidfile" || break
    sleep 0.25
  done
  pid_alive "$pidfile" && { kill -9 "$(cat "$pidfile")" 2>/dev/null || true; }
  rm -f "$pidfile"
}
