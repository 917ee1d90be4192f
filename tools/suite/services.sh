# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# The six services as processes: class path, class-data archives, start, readiness, stop.

# The class path of a built service, flat: the JDK's class-data archive holds only classes of its own class loaders,
# not of Quarkus's (quarkus-run.jar's RunnerClassLoader), so the services run as Quarkus's legacy jar did, on the
# application class loader: Quarkus's generated and transformed classes first (they replace the originals), then
# the application, then its libraries. quarkus-run.jar's manifest asks for the one --add-opens given with it.
service_classpath() { # service
  local app="$ROOT/$1/target/quarkus-app" cp="" f
  for f in "$app"/quarkus/generated-bytecode.jar "$app"/quarkus/transformed-bytecode.jar "$app"/app/*.jar \
    "$app"/lib/main/*.jar "$app"/lib/boot/*.jar; do
    [ -f "$f" ] && cp+="${cp:+:}$f"
  done
  echo "$cp"
}

# Map the service's class-data archive when it was recorded by this JVM over this class path and is newer than every
# jar of the build; else record one at exit (the JVM would ignore a stale archive, and the start would be slow again).
cds_options() { # service
  [ "$LIANLUO_CDS" = on ] || return 0
  local archive="$STATE/cds/$1.jsa" made
  mkdir -p "$STATE/cds"
  # the JDK checks each jar's size and time against those the archive was recorded with, and maps nothing when one
  # differs; a service still running when it was rebuilt records its archive as it stops, with the jars it started
  # from, so the jars' own sizes and times decide (a newer file time than the archive's did not: it took the stale
  # archive, and the starts went from 3 to 10 s)
  made="$JAVA_VERSION $(service_classpath "$1" | md5sum | cut -d' ' -f1) $(find "$ROOT/$1/target/quarkus-app" -name '*.jar' \
    -printf '%P %s %T@\n' | sort | md5sum | cut -d' ' -f1)"
  if [ -s "$archive" ] && [ "$(cat "$archive.made-by" 2>/dev/null)" = "$made" ]; then
    # mapped where it was recorded: the JDK's default here relocates it to a random address, which rewrites (and makes
    # private to the process) most of its 100 MB of pages; the start was the same within its noise. It gives up the
    # randomised address of the class metadata: a local suite's choice; the images have no archive (docs/deploy.md).
    echo "-XX:SharedArchiveFile=$archive -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  else
    rm -f "$archive"
    echo "$made" > "$archive.made-by"
    # the recording JVM lists at exit every class it could not archive (generated accessors, old class files): not kept
    echo "-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# What the services' JVM is and takes, asked once per ./suite run (not once per service start)
jvm_facts() {
  [ -n "${JAVA_VERSION:-}" ] && return 0
  JAVA_VERSION=$(java -version 2>&1 | head -n 1)
  TRIM_OPTION=""
  if java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then TRIM_OPTION="-XX:TrimNativeHeapInterval=5000"; fi
}

# Only the gateway is a door: the five services listen on the loopback, so a caller on the network cannot go around
# the gateway's token check, rate limits and headers (in Kubernetes a NetworkPolicy does the same, deploy/k8s).
bind_address() { # service
  if [ "$1" = gateway ]; then echo "${GATEWAY_HOST:-0.0.0.0}"; else echo 127.0.0.1; fi
}

# The gateway's own metrics are on its management port (GATEWAY_MANAGEMENT_PORT, 8090), on the loopback: its 8080 is
# the public door and has no /q/metrics. The five services answer /q/metrics on their own ports.
GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-8090}
management_options() { # service
  if [ "$1" = gateway ]; then
    echo "-Dquarkus.management.port=$GATEWAY_MANAGEMENT_PORT -Dquarkus.management.host=127.0.0.1"
  fi
}

# Six JVMs, Keycloak and PostgreSQL start at once on a small machine: a service's first database connection can take
# longer than Agroal's 5 s to open (case-service and deputy-service stopped at Flyway with "Acquisition timeout" in
# ./suite up). The suite waits up to 30 s for it; a pod keeps Quarkus's default.
datasource_options() { # service
  if [ -n "${DATABASE[$1]:-}" ]; then
    echo "-Dquarkus.datasource.jdbc.acquisition-timeout=30S"
  fi
}

service_start() { # service
  local s=$1 pidfile="$STATE/pids/$1.pid"
  pid_alive "$pidfile" && return
  jvm_facts
  port_open 127.0.0.1 "${PORT[$s]}" && die "port ${PORT[$s]} for $s is taken by a process this suite did not start"
  mkdir -p "$STATE/pids" "$STATE/logs"
  (
    cd "$ROOT" || exit
    # ./suite up --secure: the TLS-only PostgreSQL and the SASL_SSL Kafka of secure.sh, with this service's login
    if [ -n "${SECURE_MODE:-}" ]; then secure_service_env "$s"; fi
    # shellcheck disable=SC2086,SC2046 # the options are words
    # a developer's webhook receiver may be http://127.0.0.1:… (notification-service; production allows neither)
    DB_NAME=${DATABASE[$s]:-} LIANLUO_SEED_DIR="${DEMO_SEEDS-$ROOT/seeds}" \
      LIANLUO_NOTIFY_WEBHOOKS_ALLOW_HTTP=true LIANLUO_NOTIFY_WEBHOOKS_ALLOW_PRIVATE=true \
      nohup java ${SERVICE_JAVA_OPTS/@TRIM@/$TRIM_OPTION} $(cds_options "$s") -Dquarkus.http.port="${PORT[$s]}" \
        -Dquarkus.http.host="$(bind_address "$s")" $(management_options "$s") $(datasource_options "$s") \
        --add-opens java.base/java.lang=ALL-UNNAMED \
        -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
        -cp "$(service_classpath "$s")" io.quarkus.runner.GeneratedMain \
      > "$STATE/logs/$s.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
  )
}

wait_ready() { # service seconds
  local s=$1 i
  for ((i = 0; i < $2 * 2; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/q/health/ready" 2>/dev/null; then
      return 0
    fi
    pid_alive "$STATE/pids/$s.pid" || { tail -n 40 "$STATE/logs/$s.log" >&2; die "$s exited while starting (./suite logs $s)"; }
    sleep 0.5
  done
  tail -n 40 "$STATE/logs/$s.log" >&2
  die "$s was not ready within $2 s"
}

service_stop() { # service…: all signalled at once, then waited for
  local s i alive
  for s in "$@"; do
    pid_alive "$STATE/pids/$s.pid" && { kill "$(cat "$STATE/pids/$s.pid")" 2>/dev/null || true; }
  done
  # a run recording its class-data archive writes it while it exits: give them up to a minute
  for ((i = 0; i < 240; i++)); do
    alive=""
    for s in "$@"; do pid_alive "$STATE/pids/$s.pid" && alive=yes; done
    [ -n "$alive" ] || break
    sleep 0.25
  done
  for s in "$@"; do
    # killed hard, a run recording its class-data archive leaves it cut short: it is recorded again next time
    pid_alive "$STATE/pids/$s.pid" && { kill -9 "$(cat "$STATE/pids/$s.pid")" 2>/dev/null || true; rm -f "$STATE/cds/$s.jsa"; }
    rm -f "$STATE/pids/$s.pid"
  done
  return 0
}
