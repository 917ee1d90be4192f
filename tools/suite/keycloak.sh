# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Keycloak: installed once from Maven Central, realm lianluo imported from deploy/keycloak/.

# ---------------------------------------------------------------- Keycloak (sign-in; realm lianluo from deploy/keycloak/)

# Keycloak from org.keycloak:keycloak-quarkus-dist on Maven Central, built once for this suite's options so that each
# start is `kc.sh start --optimized`; its database is `keycloak` on the suite's PostgreSQL. KEYCLOAK_URL set: an
# external Keycloak, none is started (its issuer is then ${KEYCLOAK_URL}/realms/lianluo).
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=8181
KEYCLOAK_SET=${KEYCLOAK_URL:+yes}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:$KEYCLOAK_PORT}
KEYCLOAK_ISSUER="${KEYCLOAK_URL%/}/realms/lianluo"
# the master realm's administrator of the local Keycloak: a dev-only account, like the dev users' password
KEYCLOAK_DEV_ADMIN=kcadmin
KEYCLOAK_DEV_ADMIN_PASSWORD=lianluo
# build-time options: changing them rebuilds the install once (the stamp records them)
KEYCLOAK_BUILD_OPTIONS=(--db=postgres --health-enabled=true)
# The services accept the suite's own tokens (./suite token, issuer lianluo) and the realm's.
export JWT_ISSUERS=${JWT_ISSUERS:-lianluo,$KEYCLOAK_ISSUER}

keycloak_home() { echo "$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"; }

keycloak_install() {
  local home stamp started
  home=$(keycloak_home)
  stamp="$home/.lianluo-built"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${KEYCLOAK_BUILD_OPTIONS[*]}" ] && return
  if [ ! -x "$home/bin/kc.sh" ]; then
    say "installing Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist, 177 MB from Maven Central) into $STATE/keycloak"
    started=$(date +%s.%N)
    mkdir -p "$STATE/keycloak"
    "$ROOT/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$STATE/keycloak" >&2 || die "could not fetch keycloak-quarkus-dist $KEYCLOAK_VERSION"
    rm -rf "$home"
    if command -v unzip >/dev/null; then
      unzip -q "$STATE/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$STATE/keycloak" || die "could not unzip Keycloak"
    else # the JDK's jar tool reads a zip too, without the files' modes
      (cd "$STATE/keycloak" && jar xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip") || die "could not unpack Keycloak"
      chmod +x "$home"/bin/*.sh
    fi
    rm -f "$STATE/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    say "Keycloak installed in $(since "$started") s"
  fi
  say "building Keycloak for this suite (${KEYCLOAK_BUILD_OPTIONS[*]}; once)"
  started=$(date +%s.%N)
  "$home/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTIONS[@]}" > "$STATE/keycloak/build.log" 2>&1 ||
    { tail -n 30 "$STATE/keycloak/build.log" >&2; die "kc.sh build failed"; }
  echo "${KEYCLOAK_BUILD_OPTIONS[*]}" > "$stamp"
  say "Keycloak built in $(since "$started") s"
}

keycloak_answers() { curl -fsS -o /dev/null --max-time 3 "$KEYCLOAK_ISSUER/.well-known/openid-configuration" 2>/dev/null; }

# Starts Keycloak and returns at once (keycloak_wait waits for it): it takes 30-60 s, the services start meanwhile.
keycloak_start() {
  [ -n "$KEYCLOAK_SET" ] && { say "using external Keycloak at $KEYCLOAK_URL"; return; }
  local pidfile="$STATE/pids/keycloak.pid" home
  pid_alive "$pidfile" && return
  if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
    keycloak_answers && { say "a Keycloak this suite did not start answers on $KEYCLOAK_PORT with the realm lianluo: using it"; return; }
    die "port $KEYCLOAK_PORT is taken by a process this suite did not start; stop it or set KEYCLOAK_URL"
  fi
  keycloak_install
  home=$(keycloak_home)
  # the dev realm only (never the production one); Keycloak leaves a realm that exists as it is, so when the dev realm
  # file has changed since its import the dev database (the dev realm and the master admin, nothing else) is made afresh
  mkdir -p "$home/data/import" "$STATE/pids" "$STATE/logs"
  rm -f "$home"/data/import/*.json
  cp "$ROOT/deploy/keycloak/lianluo-realm.json" "$home/data/import/"
  local realm_sum stamp="$STATE/keycloak/realm.sha256"
  realm_sum=$(sha256sum "$ROOT/deploy/keycloak/lianluo-realm.json" | cut -d' ' -f1)
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'keycloak'")" = 1 ] && [ "$(cat "$stamp" 2>/dev/null)" != "$realm_sum" ]; then
    say "deploy/keycloak/lianluo-realm.json changed since its import: Keycloak's dev database is made afresh"
    psql_admin -c "DROP DATABASE keycloak" > /dev/null
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'keycloak'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE keycloak" > /dev/null
  fi
  echo "$realm_sum" > "$stamp"
  say "starting Keycloak on $KEYCLOAK_URL (realm lianluo, console admin $KEYCLOAK_DEV_ADMIN)"
  # a pooled connection is checked as it is taken: PostgreSQL restarted (as ./suite down and up do) would otherwise
  # fail one request per dead connection with a 500
  (
    cd "$STATE/keycloak" || exit
    KC_BOOTSTRAP_ADMIN_USERNAME=$KEYCLOAK_DEV_ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_DEV_ADMIN_PASSWORD \
      JAVA_OPTS_KC_HEAP="${KEYCLOAK_JAVA_HEAP:--Xms64m -Xmx512m}" \
      JAVA_OPTS_APPEND="-Dquarkus.datasource.jdbc.validate-on-borrow=true" \
      nohup "$home/bin/kc.sh" start --optimized \
        --db-url="jdbc:postgresql://$DB_HOST:$DB_PORT/keycloak" --db-username="$DB_USER" --db-password="$DB_PASSWORD" \
        --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL" \
        --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --cache=local --import-realm \
      > "$STATE/logs/keycloak.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
  )
}

keycloak_wait() { # seconds
  [ -n "$KEYCLOAK_SET" ] && { keycloak_answers || die "the external Keycloak's realm lianluo does not answer at $KEYCLOAK_ISSUER"; return; }
  local i pidfile="$STATE/pids/keycloak.pid"
  for ((i = 0; i < ${1:-180} * 2; i++)); do
    keycloak_answers && return 0
    if [ -f "$pidfile" ] && ! pid_alive "$pidfile"; then
      tail -n 40 "$STATE/logs/keycloak.log" >&2
      die "Keycloak exited while starting (./suite logs keycloak)"
    fi
    sleep 0.5
  done
  tail -n 40 "$STATE/logs/keycloak.log" >&2
  die "Keycloak was not ready within ${1:-180} s (./suite logs keycloak)"
}

keycloak_stop() {
  local pidfile="$STATE/pids/keycloak.pid" i
  [ -n "$KEYCLOAK_SET" ] && return 0
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  say "stopping Keycloak"
  kill "$(cat "$pidfile")" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do pid_alive "$pidfile" || break; sleep 0.25; done
  if pid_alive "$pidfile"; then kill -9 "$(cat "$pidfile")" 2>/dev/null || true; fi
  rm -f "$pidfile"
}
