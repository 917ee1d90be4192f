# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# --secure: a second PostgreSQL (TLS only) and a second Kafka (SASL_SSL, SCRAM-SHA-512) beside the plain ones, with a
# CA and a server certificate generated once into .suite/secure/, and the services' settings that reach them
# (LIANLUO_KAFKA_*, LIANLUO_DB_SSL*; docs/deploy.md, "Kafka 与 PostgreSQL 的安全连接").

SECURE="$STATE/secure"
SECURE_DB_PORT=${SECURE_DB_PORT:-5433}
SECURE_KAFKA_PORT=9094
SECURE_KAFKA="127.0.0.1:$SECURE_KAFKA_PORT"
# the SCRAM users of the secure broker: one per service with a Kafka client, and admin (the broker's own and tools')
SECURE_KAFKA_USERS=(admin station-service deputy-service case-service scoring-service notification-service)

# The CA, the server certificate (for 127.0.0.1 and localhost: both servers use it) and a password per Kafka user,
# made once. The CA's key stays in .suite/secure/; nothing outside this machine trusts it.
secure_certs() {
  [ -s "$SECURE/users.env" ] && return 0
  command -v openssl >/dev/null || die "openssl is needed to generate the --secure certificates"
  mkdir -p "$SECURE"
  chmod 700 "$SECURE"
  say "generating a local CA and a server certificate for 127.0.0.1 and localhost in $SECURE"
  (
    cd "$SECURE" || exit 1
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=Lianluo local CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "extendedKeyUsage=serverAuth" \
      "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" > server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 3650 -extfile server.ext
    openssl rand -hex 16 > keystore.password
    openssl pkcs12 -export -in server.crt -inkey server.key -name broker -out broker.p12 \
      -passout "pass:$(cat keystore.password)"
    chmod 600 ./*.key keystore.password broker.p12
  ) > "$SECURE/openssl.log" 2>&1 || { cat "$SECURE/openssl.log" >&2; die "generating the certificates failed"; }
  local user
  for user in "${SECURE_KAFKA_USERS[@]}"; do
    printf '%s=%s\n' "$user" "$(openssl rand -hex 16)"
  done > "$SECURE/users.env.tmp"
  chmod 600 "$SECURE/users.env.tmp"
  mv "$SECURE/users.env.tmp" "$SECURE/users.env"
}

secure_password() { # user
  sed -n "s/^$1=//p" "$SECURE/users.env"
}

secure_kafka_start() {
  local dir="$SECURE/kafka" cp user scram=()
  pid_alive "$dir/kafka.pid" && port_open 127.0.0.1 "$SECURE_KAFKA_PORT" && return
  port_open 127.0.0.1 "$SECURE_KAFKA_PORT" && die "port $SECURE_KAFKA_PORT is taken by a Kafka this suite did not start"
  mkdir -p "$dir"
  if [ ! -f "$dir/server.properties" ]; then
    sed -e "s#@DATA@#$dir/data#" -e "s#@SECURE@#$SECURE#" -e "s#@ADMIN_PASSWORD@#$(secure_password admin)#" \
      -e "s#@KEYSTORE_PASSWORD@#$(cat "$SECURE/keystore.password")#" \
      "$ROOT/tools/kafka-broker/server-secure.properties" > "$dir/server.properties"
    chmod 600 "$dir/server.properties"
  fi
  cp="$(kafka_classpath)"
  if [ ! -f "$dir/data/meta.properties" ]; then
    # the SCRAM credentials go into the cluster's first metadata: the broker's own login (admin) works at its start
    for user in "${SECURE_KAFKA_USERS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(secure_password "$user")]")
    done
    java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$dir/server.properties" "${scram[@]}" > "$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; die "formatting the secure Kafka's storage failed"; }
  fi
  say "starting the secure Kafka (SASL_SSL, SCRAM-SHA-512) on $SECURE_KAFKA"
  nohup java -Xms128m -Xmx384m -Dlog4j2.configurationFile="$ROOT/tools/kafka-broker/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" > "$dir/kafka.log" 2>&1 < /dev/null &
  echo $! > "$dir/kafka.pid"
  wait_port 127.0.0.1 "$SECURE_KAFKA_PORT" 60 "the secure Kafka"
}

secure_pg_running() {
  local pidfile="$SECURE/pg/data/postmaster.pid"
  [ -f "$pidfile" ] && kill -0 "$(head -n 1 "$pidfile")" 2>/dev/null && port_open 127.0.0.1 "$SECURE_DB_PORT"
}

secure_pg_start() {
  local pg="$SECURE/pg" bin
  secure_pg_running && return
  port_open 127.0.0.1 "$SECURE_DB_PORT" && die "port $SECURE_DB_PORT is taken by a PostgreSQL this suite did not start"
  bin=$(pg_bin)
  if pg_init "$pg"; then
    # the server's own copies: PostgreSQL wants its key readable by it alone
    cp "$SECURE/server.crt" "$pg/data/server.crt"
    cp "$SECURE/server.key" "$pg/data/server.key"
    chmod 600 "$pg/data/server.key"
    # TLS or nothing: no plain TCP line, no Unix socket line
    printf '%s\n' "# ./suite --secure: connections over TLS only" \
      "hostssl all all 127.0.0.1/32 scram-sha-256" > "$pg/data/pg_hba.conf"
  fi
  say "starting the secure PostgreSQL (TLS only) on 127.0.0.1:$SECURE_DB_PORT"
  as_pg_user "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 60 \
    -o "-p $SECURE_DB_PORT -c listen_addresses=127.0.0.1 -k $pg -c max_connections=300 -c ssl=on" \
    start > /dev/null || { tail -n 20 "$pg/postgres.log" >&2; die "the secure PostgreSQL did not start"; }
}

secure_pg_stop() {
  [ -f "$SECURE/pg/data/postmaster.pid" ] || return 0
  say "stopping the secure PostgreSQL"
  as_pg_user "$(pg_bin)/pg_ctl" -D "$SECURE/pg/data" -m fast -w stop > /dev/null 2>&1 || true
}

secure_kafka_stop() {
  local pidfile="$SECURE/kafka/kafka.pid" i
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  say "stopping the secure Kafka"
  kill "$(cat "$pidfile")" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do pid_alive "$pidfile" || break; sleep 0.25; done
  pid_alive "$pidfile" && { kill -9 "$(cat "$pidfile")" 2>/dev/null || true; }
  rm -f "$pidfile"
}

# ./suite infra --secure: the certificates, both secure servers and the databases on the secure PostgreSQL. The
# settings a client needs are then in .suite/secure/ (ca.crt, users.env) and printed by secure_summary.
secure_infra_up() {
  secure_certs
  secure_pg_start
  PGSSLMODE=verify-full PGSSLROOTCERT="$SECURE/ca.crt" DB_HOST=127.0.0.1 DB_PORT=$SECURE_DB_PORT create_databases
  secure_kafka_start
}

secure_infra_down() {
  secure_kafka_stop
  secure_pg_stop
}

# The environment of a service run against the secure servers (./suite up --secure): in service_start's subshell.
secure_service_env() { # service
  export DB_HOST=127.0.0.1 DB_PORT=$SECURE_DB_PORT LIANLUO_DB_SSLMODE=verify-full LIANLUO_DB_SSLROOTCERT="$SECURE/ca.crt"
  [ "$1" = gateway ] && return 0
  LIANLUO_KAFKA_PASSWORD=$(secure_password "$1")
  export KAFKA_BOOTSTRAP_SERVERS=$SECURE_KAFKA LIANLUO_KAFKA_SECURITY_PROTOCOL=SASL_SSL LIANLUO_KAFKA_CA="$SECURE/ca.crt" \
    LIANLUO_KAFKA_USERNAME="$1" LIANLUO_KAFKA_PASSWORD
}

secure_summary() {
  cat >&2 <<EOF2
secure PostgreSQL: 127.0.0.1:$SECURE_DB_PORT (TLS only; user $DB_USER; sslmode=verify-full sslrootcert=$SECURE/ca.crt)
secure Kafka:      $SECURE_KAFKA (SASL_SSL, SCRAM-SHA-512; CA $SECURE/ca.crt; users and passwords in $SECURE/users.env)
EOF2
}
