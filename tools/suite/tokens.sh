# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Dev tokens signed with the dev key (deploy/dev-keys/), minted by the same Java class the tests use (DevTokens).

# ---------------------------------------------------------------- tokens

DEV_TOKENS_SOURCE="$ROOT/common/src/test/java/cn/lianluo/common/testing/DevTokens.java"

mint_token() { # ROLE REGION [--deputy ID] [--unit ID] [--sub NAME] [--ttl SECONDS]
  local classes="$STATE/tokens" class="$STATE/tokens/cn/lianluo/common/testing/DevTokens.class"
  # compiled once (plain JDK, nothing else needs to be built), again when the source changes
  if [ ! -f "$class" ] || [ "$DEV_TOKENS_SOURCE" -nt "$class" ]; then
    local work
    mkdir -p "$STATE"
    work=$(mktemp -d "$STATE/tokens.XXXXXX")
    javac -nowarn -d "$work" "$DEV_TOKENS_SOURCE" || { rm -rf "$work"; die "DevTokens.java does not compile"; }
    rm -rf "$classes" && mv "$work" "$classes"
  fi
  LIANLUO_DEV_PRIVATE_KEY="$DEV_PRIVATE_KEY" java -cp "$classes" cn.lianluo.common.testing.DevTokens "$@" || exit 1
}
