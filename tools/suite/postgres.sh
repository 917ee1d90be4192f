# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# PostgreSQL: Debian's server in .suite/pg, the services' and the tests' databases.

# ---------------------------------------------------------------- PostgreSQL

pg_bin() {
  local bin
  # shellcheck disable=SC2012 # the directories are version numbers
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing the PostgreSQL server from Debian's packages"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 ||
        die "could not install postgresql; set DB_HOST to use an external server"
      # shellcheck disable=SC2012 # the directories are version numbers
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    else
      die "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin); install postgresql or set DB_HOST"
    fi
  fi
  echo "$bin"
}

# PostgreSQL refuses to run as root; in a user namespace of its own root is an ordinary user to it.
as_pg_user() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

pg_running() {
  local pidfile="$STATE/pg/data/postmaster.pid"
  [ -f "$pidfile" ] && kill -0 "$(head -n 1 "$pidfile")" 2>/dev/null && port_open 127.0.0.1 "$DB_PORT"
}

pg_start() {
  [ -n "$DB_HOST_SET" ] && { say "using external PostgreSQL at $DB_HOST:$DB_PORT"; return; }
  local data="$STATE/pg/data" bin
  if pg_running; then
    return
  fi
  port_open 127.0.0.1 "$DB_PORT" && die "port $DB_PORT is taken by a PostgreSQL this suite did not start; stop it or set DB_HOST/DB_PORT"
  bin=$(pg_bin)
  pg_init "$STATE/pg" || true
  say "starting PostgreSQL on 127.0.0.1:$DB_PORT"
  as_pg_user "$bin/pg_ctl" -D "$data" -l "$STATE/pg/postgres.log" -w -t 60 \
    -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -k $STATE/pg -c max_connections=300 -c shared_buffers=256MB" \
    start > /dev/null || { tail -n 20 "$STATE/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
}

# A new cluster in DIR/data (the user DB_USER, password DB_PASSWORD) unless there is one; fails when it made none.
pg_init() { # dir
  local dir=$1 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ -f "$dir/data/PG_VERSION" ] && return 1
  say "creating a PostgreSQL cluster in $dir/data"
  printf '%s\n' "$DB_PASSWORD" > "$dir/pwfile"
  as_pg_user "$bin/initdb" -D "$dir/data" -U "$DB_USER" --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pwfile"
}

pg_stop() {
  local data="$STATE/pg/data"
  [ -f "$data/postmaster.pid" ] || return 0
  say "stopping PostgreSQL"
  as_pg_user "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop > /dev/null 2>&1 || true
}

psql_admin() {
  PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

create_databases() {
  command -v psql >/dev/null || die "psql is needed to create the databases"
  local db
  for db in "${DATABASE[@]}" "${TEST_DATABASES[@]}"; do
    if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      psql_admin -c "CREATE DATABASE $db" > /dev/null
    fi
  done
}
