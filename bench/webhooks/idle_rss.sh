#!/usr/bin/env bash
# Idle memory of the bot (emulator off) beside the peers, measured the same way in one run:
#
#   bench/webhooks/idle_rss.sh [--requests-seconds 3] [--idle-seconds 5] [--out FILE.md]
#
# For each target (bare Kestrel, Bolt, botbuilder, the bot with Slack on / Teams off / the emulator off, as deployed): start it, wait
# until it answers (the bot: GET /healthz 200), stay idle --idle-seconds, read VmRSS ("ready + idle"); then wrk -t1 -c4 for
# --requests-seconds with the target's usual request (signed Slack interaction; the Teams invoke for botbuilder and Kestrel), stay
# idle again, read VmRSS and VmHWM ("after requests"). The bot's RSS is also split by mapping (smaps): JIT'd code and runtime data
# (memfd:doublemapper), anonymous memory (GC heap and native allocations), mapped assemblies (*.dll) and native libraries (*.so).
#
# Needs what run.sh prepares: the peers copy ($PEERS, set up) and the published bot ($BOT_OUT/bot). Run run.sh first (e.g.
# run.sh --pin off --rounds 1 --only kestrel-slack) or set PEERS / BOT_DLL. Extra environment for the bot: BOT_ENV="NAME=value ...".
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
REQ_S=3; IDLE_S=5; OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests-seconds) REQ_S="$2"; shift 2 ;;
    --idle-seconds) IDLE_S="$2"; shift 2 ;;
    --out) OUT="$(realpath -m "$2")"; shift 2 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
PEERS="${PEERS:-$(dirname "$(mktemp -u)")/chatescalation-peers}"
BOT_DLL="${BOT_DLL:-${BOT_OUT:-$REPO/artifacts/bench}/bot/ChatEscalation.Bot.dll}"
KESTREL_DLL="$PEERS/baseline_kestrel/bin/Release/net10.0/BaselineKestrel.dll"
for f in "$BOT_DLL" "$KESTREL_DLL" "$PEERS/slack_bolt_peer.js"; do
  [ -f "$f" ] || { echo "idle_rss.sh: $f is missing: run bench/webhooks/run.sh first (it sets up the peers and publishes the bot)" >&2; exit 2; }
done
export SLACK_SIGNING_SECRET="${SLACK_SIGNING_SECRET:-$(node -e 'process.stdout.write(require("crypto").randomBytes(16).toString("hex"))')}"
WORK="$(mktemp -d -t chatescalation-idle.XXXXXX)"
SERVER_PID=""
stop() { if [ -n "$SERVER_PID" ]; then kill -TERM -- "-$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap 'stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
sed -n 's/^wrk\.body = \[\[\(.*\)\]\]$/\1/p' "$PEERS/teams_invoke.lua" > "$WORK/teams_body.json"
kb() { awk -v f="$2:" '$1==f{print $2}' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN{ printf "%.0f", k/1024 }'; }
split_smaps() {  # PID -> "jit/runtime X, anon Y, dll Z, so W" (MiB)
  awk '/^[0-9a-f]+-[0-9a-f]+ /{ n=$6; c = n=="" || n ~ /^\[/ ? "anon" : n ~ /doublemapper/ ? "jit" : n ~ /\.dll$/ ? "dll" : n ~ /\.so/ ? "so" : "other" }
       /^Rss:/{ s[c]+=$2 }
       END{ printf "doublemapper %.0f, anon+heap %.0f, dll %.0f, so %.0f, other %.0f", s["jit"]/1024, s["anon"]/1024, s["dll"]/1024, s["so"]/1024, s["other"]/1024 }' "/proc/$1/smaps"
}
ROWS=()
measure() {  # measure NAME READY_URL LUA REQUEST_URL COMMAND...
  local name="$1" ready="$2" lua="$3" url="$4"; shift 4
  local port="${url#http://127.0.0.1:}"; port="${port%%/*}"
  PORT="$port" setsid "$@" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  local up=0
  for _ in $(seq 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    if [ "$ready" = post ]; then [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' -X POST "$url")" != 000 ] && { up=1; break; }
    else [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$ready")" = 200 ] && { up=1; break; }; fi
    sleep 0.1
  done
  [ "$up" = 1 ] || { echo "idle_rss.sh: $name did not start:" >&2; tail -20 "$WORK/$name.log" >&2; stop; return 1; }
  # The process to read is the server itself (start_bot.sh and setsid exec it).
  sleep "$IDLE_S"
  local idle; idle="$(kb "$SERVER_PID" VmRSS)"
  local split_idle=""; [ "$name" = bot ] && split_idle="$(split_smaps "$SERVER_PID")"
  read -r SLACK_TS SLACK_SIG < <(node "$PEERS/gen_slack_request.js" interaction "$WORK/slack_body")
  SLACK_BODY_FILE="$WORK/slack_body" SLACK_TS="$SLACK_TS" SLACK_SIG="$SLACK_SIG" \
    wrk -t1 -c4 -d"${REQ_S}s" -s "$lua" "$url" > "$WORK/$name.wrk" 2>&1
  local requests; requests="$(awk '/requests in/{print $1}' "$WORK/$name.wrk")"
  local non2xx; non2xx="$(awk '/Non-2xx or 3xx responses:/{print $NF}' "$WORK/$name.wrk")"
  [ -z "$non2xx" ] || requests="$requests ($non2xx non-2xx)"
  sleep "$IDLE_S"
  local after peak; after="$(kb "$SERVER_PID" VmRSS)"; peak="$(kb "$SERVER_PID" VmHWM)"
  local split_after=""; [ "$name" = bot ] && split_after="$(split_smaps "$SERVER_PID")"
  stop
  ROWS+=("| $name | $(mib "$idle") | ${requests:-?} | $(mib "$after") | $(mib "$peak") |")
  [ -n "$split_idle" ] && ROWS+=("|  ↳ bot by mapping, idle: $split_idle; after requests: $split_after | | | | |")
  echo "  $name: ready + ${IDLE_S}s idle $(mib "$idle") MiB; after ${requests:-?} requests + ${IDLE_S}s idle $(mib "$after") MiB (peak $(mib "$peak"))"
}

echo "idle_rss.sh: idle ${IDLE_S}s, requests ${REQ_S}s (wrk -t1 -c4), load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure kestrel post "$PEERS/teams_invoke.lua" http://127.0.0.1:18180/ok dotnet "$KESTREL_DLL"
measure bolt post "$PEERS/slack_interaction.lua" http://127.0.0.1:18181/slack/events node "$PEERS/slack_bolt_peer.js"
measure botbuilder post "$PEERS/teams_invoke.lua" http://127.0.0.1:18182/api/messages node "$PEERS/teams_botbuilder_peer.js"
# The bot as run.sh's bot-slack target (Production, Slack on, Teams off, so the emulator is off), plus BOT_ENV.
measure bot http://127.0.0.1:18183/healthz "$PEERS/slack_interaction.lua" http://127.0.0.1:18183/slack/interactions \
  env BOT_DLL="$BOT_DLL" BENCH_TMP="$WORK" TEAMS_APP_ID= ${BOT_ENV:-} bash "$HERE/start_bot.sh" bot-idle

TABLE="$(printf '%s\n' "| target | ready + ${IDLE_S} s idle, MiB | requests (${REQ_S} s) | after them + ${IDLE_S} s idle, MiB | peak, MiB |" "|---|---:|---:|---:|---:|" "${ROWS[@]}")"
echo; echo "$TABLE"
if [ -n "$OUT" ]; then
  { echo; echo "idle_rss.sh at $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$REPO" rev-parse --short HEAD), BOT_ENV='${BOT_ENV:-}'"; echo; echo "$TABLE"; } >> "$OUT"
  echo "appended to $OUT"
fi
