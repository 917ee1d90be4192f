# shellcheck shell=bash
# Sourced by ./suite (never run alone); ROOT, STATE, PORT and the settings at the top of ./suite are set.
# The services' dead letters through the gateway's ADMIN API (/api/v1/dead-letters/{service}/…, docs/deploy.md).

# ---------------------------------------------------------------- dead letters

DLQ_SERVICES=(station deputy case scoring notification)

dlq_usage() {
  die "usage: ./suite dlq list|replays [SERVICE] [--since T] [--limit N]
       ./suite dlq show SERVICE --topic T --partition P --offset O
       ./suite dlq replay [SERVICE] --id EVENT_ID | --since T | (SERVICE) --topic T --partition P --offset O
  SERVICE: ${DLQ_SERVICES[*]} (all of them when left out); T: an instant, 2026-12-03T04:00:00Z"
}

# One call of the API; prints the answer (a table where jq can make one) and fails on a 4xx or 5xx.
dlq_call() { # METHOD PATH [BODY]
  local method=$1 path=$2 body=${3:-} url out status
  url="${LIANLUO_GATEWAY_URL:-http://127.0.0.1:${PORT[gateway]}}$path"
  if [ -n "$body" ]; then
    out=$(curl -sS -X "$method" -H "Authorization: Bearer $DLQ_TOKEN" -H 'Content-Type: application/json' \
      --data "$body" -w '\n%{http_code}' "$url") || die "the gateway at $url does not answer (./suite up?)"
  else
    out=$(curl -sS -X "$method" -H "Authorization: Bearer $DLQ_TOKEN" -w '\n%{http_code}' "$url") \
      || die "the gateway at $url does not answer (./suite up?)"
  fi
  status=${out##*$'\n'}
  DLQ_ANSWER=${out%$'\n'*}
  if [ "$status" -ge 400 ]; then
    printf '%s\n' "$DLQ_ANSWER" >&2
    return 1
  fi
}

# The answer as it came, or through a jq filter when jq is there.
dlq_print() { # [JQ_FILTER]
  if [ -n "${1:-}" ] && command -v jq >/dev/null; then
    printf '%s\n' "$DLQ_ANSWER" | jq -r "$1"
  else
    printf '%s\n' "$DLQ_ANSWER"
  fi
}

cmd_dlq() {
  local action=${1:-} service="" since="" id="" topic="" partition="" offset="" limit="" query="" body s
  [ $# -gt 0 ] && shift
  case $action in list | replays | show | replay) ;; *) dlq_usage ;; esac
  if [ $# -gt 0 ] && [[ $1 != --* ]]; then
    service=$1
    shift
  fi
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || dlq_usage
    case $1 in
      --since) since=$2 ;;
      --id) id=$2 ;;
      --topic) topic=$2 ;;
      --partition) partition=$2 ;;
      --offset) offset=$2 ;;
      --limit) limit=$2 ;;
      *) dlq_usage ;;
    esac
    shift 2
  done
  # only these forms reach a URL or a JSON body
  [ -z "$service" ] || [[ " ${DLQ_SERVICES[*]} " == *" $service "* ]] || dlq_usage
  [[ $since =~ ^[0-9T:.+Z-]*$ && $id =~ ^[A-Za-z0-9-]*$ && $topic =~ ^[A-Za-z0-9._-]*$ ]] || dlq_usage
  [[ $partition =~ ^[0-9]*$ && $offset =~ ^[0-9]*$ && $limit =~ ^[0-9]*$ ]] || dlq_usage
  DLQ_TOKEN=${LIANLUO_TOKEN:-$(mint_token ADMIN 43 | tail -n 1)}
  local services=("${DLQ_SERVICES[@]}")
  [ -z "$service" ] || services=("$service")
  [ -z "$since" ] || query="since=$since"
  [ -z "$limit" ] || query="${query:+$query&}limit=$limit"
  case $action in
    list)
      for s in "${services[@]}"; do
        dlq_call GET "/api/v1/dead-letters/$s${query:+?$query}" || exit 1
        dlq_print '"== \(.service): \(.topics | to_entries | map("\(.key) → \(.value)") | join(", "))",
          (.items[] | [.deadLetteredAt, "\(.topic)/\(.partition)/\(.offset)", .type // "-", .eventId // "-",
            (.reason // "-" | gsub("\\s+"; " ") | .[0:120])] | @tsv)'
      done ;;
    replays)
      for s in "${services[@]}"; do
        dlq_call GET "/api/v1/dead-letters/$s/replays${limit:+?limit=$limit}" || exit 1
        dlq_print '"== '"$s"'", (.[] | [.replayedAt, .replayedBy, "\(.topic)/\(.partition)/\(.offset)", .eventId // "-",
          "→ \(.channel)", (.failure // "taken in")] | @tsv)'
      done ;;
    show)
      [[ -n $service && -n $topic && -n $partition && -n $offset ]] || dlq_usage
      dlq_call GET "/api/v1/dead-letters/$service/$topic/$partition/$offset" || exit 1
      dlq_print . ;;
    replay)
      if [ -n "$topic" ]; then
        [[ -n $service && -n $partition && -n $offset && -z $id$since ]] || dlq_usage
        body="{\"topic\":\"$topic\",\"partition\":$partition,\"offset\":$offset}"
      elif [ -n "$id" ]; then
        [ -z "$since" ] || dlq_usage
        body="{\"eventId\":\"$id\"}"
      elif [ -n "$since" ]; then
        body="{\"since\":\"$since\"}"
      else
        dlq_usage
      fi
      local found=""
      for s in "${services[@]}"; do
        if dlq_call POST "/api/v1/dead-letters/$s/replay" "$body" 2>/dev/null; then
          found=yes
          dlq_print '.replayed[] | "'"$s"': replayed \(.topic)/\(.partition)/\(.offset) (\(.eventId // "no event id")) → \(.channel): \(if .failure then "gave up again (\(.failure))" else "taken in" end)"'
        elif [ ${#services[@]} -eq 1 ] || [ -z "$id" ]; then
          # an event id is looked for in every service: not finding it in one is no failure
          printf '%s\n' "$DLQ_ANSWER" >&2
          exit 1
        fi
      done
      [ -n "$found" ] || die "no service has a dead letter of event $id" ;;
  esac
}
