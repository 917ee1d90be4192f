# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Small helpers every part of ./suite uses: messages, ports, pids, the Maven wrapper.

say() { printf '\033[1m[suite]\033[0m %s\n' "$*" >&2; }
die() { printf '[suite] error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() { # host port seconds what
  local i
  for ((i = 0; i < $3 * 4; i++)); do
    port_open "$1" "$2" && return 0
    sleep 0.25
  done
  die "$4 did not open $1:$2 within $3 s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

mvnw() { "$ROOT/mvnw" -B -q "$@"; }
