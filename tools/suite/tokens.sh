# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE and the settings at the top of ./suite are set.
# Dev tokens signed with the dev key (deploy/dev-keys/).

# ---------------------------------------------------------------- tokens

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

mint_token() { # ROLE REGION [--deputy ID] [--unit ID] [--sub NAME] [--ttl SECONDS]
  [ $# -ge 2 ] || die "usage: ./suite token ROLE REGION [--deputy ID] [--unit ID] [--sub NAME] [--ttl SECONDS]"
  local role=$1 region=$2 deputy="" unit="" sub="" ttl=$((12 * 3600))
  shift 2
  while [ $# -gt 0 ]; do
    case $1 in
      --deputy) deputy=$2; shift 2 ;;
      --unit) unit=$2; shift 2 ;;
      --sub) sub=$2; shift 2 ;;
      --ttl) ttl=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  if ! [[ $ttl =~ ^[1-9][0-9]*$ ]] || [ "$ttl" -gt "${JWT_MAX_LIFETIME_SECONDS:-43200}" ]; then
    die "--ttl must be 1 to ${JWT_MAX_LIFETIME_SECONDS:-43200} seconds: the services refuse a longer lifetime"
  fi
  case $role in ADMIN | SUPERVISOR | STATION_STAFF | DEPUTY | HANDLER) ;; *) die "role must be ADMIN, SUPERVISOR, STATION_STAFF, DEPUTY or HANDLER" ;; esac
  [[ $region =~ ^[1-9][0-9]([0-9]{2}|[0-9]{4}|[0-9]{7}|[0-9]{10})?$ ]] || die "REGION must be a region code such as 43, 4308, 430822 or 430822207"
  local now claims header payload signature
  now=$(date +%s)
  claims="\"iss\":\"lianluo\",\"aud\":$(json_string "${JWT_AUDIENCE:-lianluo}"),\"sub\":$(json_string "${sub:-dev-$(echo "$role" | tr 'A-Z_' 'a-z-')-$region}"),\"upn\":$(json_string "${sub:-dev-$(echo "$role" | tr 'A-Z_' 'a-z-')-$region}")"
  claims+=",\"groups\":[\"$role\"],\"region\":\"$region\",\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(cat /proc/sys/kernel/random/uuid)\""
  [ -n "$deputy" ] && claims+=",\"deputyId\":$(json_string "$deputy")"
  [ -n "$unit" ] && claims+=",\"unitId\":$(json_string "$unit")"
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{%s}' "$claims" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$DEV_PRIVATE_KEY" | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}
