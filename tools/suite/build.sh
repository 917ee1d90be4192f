# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# What a build and the browser tests need on the machine (wrapper, Node, Chromium), and building what is missing.

# ---------------------------------------------------------------- services

ensure_wrapper() { [ -x "$ROOT/mvnw" ] || die "mvnw is missing"; }

# The gateway's build builds the console (web/) with the machine's Node and npm: Debian's, installed when missing.
ensure_node() {
  if ! { command -v node >/dev/null && command -v npm >/dev/null; }; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's nodejs and npm (the console is built with them)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null || die "could not install nodejs and npm"
    else
      die "building the console (web/) needs Node 20.19+ and npm, e.g. apt-get install nodejs npm"
    fi
  fi
  # Vite 8 needs 20.19 or later (Debian 12's own nodejs is 18: take Debian 13's, or NodeSource's 20 or 22)
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    || die "Node $(node --version) is too old for the console's build: it needs 20.19 or later (Debian 13's nodejs, or NodeSource's)"
}

build_if_missing() {
  local missing=() s
  for s in "${SERVICES[@]}"; do
    local jar="$ROOT/$s/target/quarkus-app/quarkus-run.jar" extra=()
    # the gateway carries the console (web/): its sources count as the gateway's
    [ "$s" = gateway ] && extra=("$ROOT/web/src" "$ROOT/web/public" "$ROOT/web/index.html" "$ROOT/web/h5.html" "$ROOT/web/package-lock.json" "$ROOT/web/vite.config.ts" "$ROOT/web/pom.xml")
    # missing, or older than its sources (or common's): build it
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$s/src" "$ROOT/$s/pom.xml" "$ROOT/common/src" "$ROOT/common/pom.xml" "$ROOT/common-data/src" "$ROOT/pom.xml" \
      "${extra[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]; then
      missing+=("$s")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [[ " ${missing[*]} " == *" gateway "* ]] && ensure_node
    say "building ${missing[*]} (the first time takes a few minutes)"
    (cd "$ROOT" && mvnw -DskipTests package -pl "$(IFS=,; echo "${missing[*]}")" -am) || die "the build failed"
  fi
}

# Debian packages installed when missing (as root, with apt-get): Chromium and CJK fonts run the browser tests.
apt_install() { # package…
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  say "installing $* from Debian"
  mkdir -p "$STATE/logs"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$STATE/logs/apt.log" 2>&1 \
    || { apt-get update -q >>"$STATE/logs/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$STATE/logs/apt.log" 2>&1; }
}

ensure_chromium() {
  local fonts
  fonts=$(fc-list 2>/dev/null || true)
  if command -v chromium >/dev/null && [[ $fonts == *'Noto Sans CJK'* ]]; then return; fi
  apt_install chromium fonts-noto-cjk || die "the browser tests need Debian's chromium and fonts-noto-cjk: apt-get install chromium fonts-noto-cjk"
}

# case-service sets its printable documents (交办单, 督办函) in Noto Sans CJK (Debian's fonts-noto-cjk, SIL OFL) and the
# tests read them back with poppler's pdftotext.
CJK_FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
ensure_documents() {
  if [ -f "$CJK_FONT" ] && command -v pdftotext >/dev/null; then return; fi
  apt_install fonts-noto-cjk poppler-utils ||
    die "the case documents need Debian's fonts-noto-cjk (and the tests poppler-utils): apt-get install fonts-noto-cjk poppler-utils"
}

# ShellCheck over ./suite, its parts and the other scripts (Debian's shellcheck, installed when missing).
shell_check() {
  command -v shellcheck >/dev/null || apt_install shellcheck || die "./suite test needs Debian's shellcheck: apt-get install shellcheck"
  say "ShellCheck: ./suite, tools/suite/*.sh, .ci/run, tools/contract/check"
  (cd "$ROOT" && shellcheck -x suite tools/suite/*.sh .ci/run tools/contract/check) || die "ShellCheck found problems (above)"
}

# A native query given a result class (createNativeQuery(sql, UUID.class)) gets a result mapping Hibernate 7.2 cannot
# compare, so every call caches another query plan under the same hash: a fifth of case-service's CPU at intake until
# they were taken out (docs/performance.md, issue 25). None may come back.
source_check() {
  local found
  found=$(cd "$ROOT" && grep -rPzl --include='*.java' 'createNativeQuery\((?:[^;])*?,\s*[\w.]+\.class\s*\)' -- */src/main) || true
  [ -z "$found" ] || die "a native query with a result class (cast the row instead; docs/performance.md, issue 25): $found"
}

# The console's browser tests (web/e2e, Playwright driving the machine's Chromium) against the running suite.
browser_tests() {
  ensure_chromium
  say "browser tests: the console in Chromium, signed in through Keycloak (web/e2e)"
  (cd "$ROOT/web/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline >/dev/null \
    && CHROMIUM=$(command -v chromium) npx playwright test)
}

# After the browser tests: no log of the running suite carries a whole mobile number (docs/deploy.md, section 16.2; a
# masked one, 138****1234, is fine). The gateway's LogsPrivacyIT checks its run's logs for the citizens' names too.
logs_privacy_check() {
  local hits
  hits=$(cd "$STATE/logs" || exit 1; grep -nHE '(^|[^0-9A-Za-z])1[3-9][0-9]{9}([^0-9A-Za-z]|$)' "${SERVICES[@]/%/.log}" || true)
  if [ -n "$hits" ]; then
    printf '%s\n' "$hits" | head -n 20 >&2
    die "a log of the suite carries a whole phone number (above; .suite/logs): log ids, never personal data"
  fi
  say "logs: no whole phone number in the six services' logs"
}
