# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Kafka: one KRaft node run from Maven Central jars (tools/kafka-broker), and the infrastructure both need.

# ---------------------------------------------------------------- Kafka (KRaft, one node, from Maven Central jars)

kafka_start() {
  [ -n "$KAFKA_SET" ] && { say "using external Kafka at $KAFKA_BOOTSTRAP_SERVERS"; return; }
  local dir="$STATE/kafka"
  pid_alive "$dir/kafka.pid" && port_open 127.0.0.1 9092 && return
  port_open 127.0.0.1 9092 && die "port 9092 is taken by a Kafka this suite did not start; stop it or set KAFKA_BOOTSTRAP_SERVERS"
  mkdir -p "$dir"
  if [ ! -f "$dir/server.properties" ]; then
    sed "s#@DATA@#$dir/data#" "$ROOT/tools/kafka-broker/server.properties" > "$dir/server.properties"
  fi
  local cp
  cp="$(kafka_classpath)"
  if [ ! -f "$dir/data/meta.properties" ]; then
    java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$dir/server.properties" > "$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; die "formatting Kafka's storage failed"; }
  fi
  say "starting Kafka on 127.0.0.1:9092"
  nohup java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$ROOT/tools/kafka-broker/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" > "$dir/kafka.log" 2>&1 < /dev/null &
  echo $! > "$dir/kafka.pid"
  wait_port 127.0.0.1 9092 60 Kafka
}

# The broker's class path (resolved once into .suite/kafka/classpath.txt); the secure broker of secure.sh shares it.
kafka_classpath() {
  local file="$STATE/kafka/classpath.txt"
  if [ ! -s "$file" ]; then
    mkdir -p "$STATE/kafka"
    say "resolving the Kafka broker's jars (org.apache.kafka:kafka_2.13) from Maven Central"
    "$ROOT/mvnw" -B -q -f "$ROOT/tools/kafka-broker/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$file" >&2 || die "could not resolve the Kafka broker's classpath"
  fi
  cat "$file"
}

kafka_stop() {
  local pidfile="$STATE/kafka/kafka.pid" i
  [ -n "$KAFKA_SET" ] && die "Kafka at $KAFKA_BOOTSTRAP_SERVERS is external: ./suite does not stop it"
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  say "stopping Kafka"
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do pid_alive "$pidfile" || break; sleep 0.25; done
  # kc.sh runs Keycloak's JVM as its child: if the wrapper does not go, neither may be left behind on 8180
  if pid_alive "$pidfile"; then pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

infra_up() {
  pg_start
  create_databases
  kafka_start
}
