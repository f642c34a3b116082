#!/usr/bin/env bash
# The repeated-event acknowledgement on one pinned core, the bot against Bolt in one run (issue 12 target: at least 1x Bolt):
#
#   bench/webhooks/pinned_repeat.sh [--rounds 3] [--duration 10s]
#
# Each server runs alone under `taskset -c $SERVER_CPUS` (default 1), wrk -t1 -c32 under `taskset -c $WRK_CPUS` (default 0). Both get
# the same signed Slack block_actions body (run_peers.sh's slack_interaction.lua, signed with gen_slack_request.js): Bolt checks the
# signature and acks; the bot checks the signature, reads the body, finds the click's receipt in memory (RecentReceipts) and answers.
# Unlike run_peers.sh, a server is warmed up by one request before its checks: the bot's first request after a start takes 2-3 s
# (cold code and queries, 0.65 s, plus the first users.info retried against start_bot.sh's closed Slack API port until the 1.5 s
# lookup budget ends) and fails run_peers.sh's 1-second check; that start cost is reported separately here ("first request, s"). Needs what run.sh prepares (the peers copy and the published bot).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
ROUNDS=3; DURATION=10s
while [ $# -gt 0 ]; do
  case "$1" in --rounds) ROUNDS="$2"; shift 2 ;; --duration) DURATION="$2"; shift 2 ;; *) echo "unknown argument: $1" >&2; exit 2 ;; esac
done
PEERS="${PEERS:-$(dirname "$(mktemp -u)")/chatescalation-peers}"
BOT_DLL="${BOT_DLL:-$REPO/artifacts/bench/bot/ChatEscalation.Bot.dll}"
SERVER_CPUS="${SERVER_CPUS:-1}"; WRK_CPUS="${WRK_CPUS:-0}"
[ -f "$BOT_DLL" ] && [ -f "$PEERS/slack_bolt_peer.js" ] || { echo "pinned_repeat.sh: run bench/webhooks/run.sh first" >&2; exit 2; }
export SLACK_SIGNING_SECRET="${SLACK_SIGNING_SECRET:-$(node -e 'process.stdout.write(require("crypto").randomBytes(16).toString("hex"))')}"
WORK="$(mktemp -d -t chatescalation-pinned.XXXXXX)"
PID=""
stop() { if [ -n "$PID" ]; then kill -TERM -- "-$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap 'stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
post() {  # post URL -> "code seconds" for a freshly signed body
  read -r ts sig < <(node "$PEERS/gen_slack_request.js" interaction "$WORK/one")
  curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
    -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data-binary "@$WORK/one" "$1"
}
run() {  # run NAME URL COMMAND...
  local name="$1" url="$2"; shift 2
  local port="${url#http://127.0.0.1:}"; port="${port%%/*}"
  PORT="$port" setsid taskset -c "$SERVER_CPUS" "$@" > "$WORK/$name.log" 2>&1 &
  PID=$!
  for _ in $(seq 600); do [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' -X POST "$url")" != 000 ] && break; sleep 0.1; done
  local first; first="$(post "$url")"
  local again; again="$(post "$url")"
  [[ "$again" == 2* ]] || { echo "  $name: signed request answered $again" >&2; stop; return 1; }
  read -r SLACK_TS SLACK_SIG < <(node "$PEERS/gen_slack_request.js" interaction "$WORK/body")
  export SLACK_TS SLACK_SIG SLACK_BODY_FILE="$WORK/body"
  taskset -c "$WRK_CPUS" wrk -t1 -c32 -d3s -s "$PEERS/slack_interaction.lua" "$url" > /dev/null 2>&1
  taskset -c "$WRK_CPUS" wrk -t1 -c32 -d"$DURATION" --latency -s "$PEERS/slack_interaction.lua" "$url" > "$WORK/$name.wrk" 2>&1
  local rss; rss="$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$PID/status")"
  stop
  local rps p99 bad
  rps="$(awk '/^Requests\/sec:/{printf "%.0f", $2}' "$WORK/$name.wrk")"
  p99="$(awk '$1=="99%"{print $2}' "$WORK/$name.wrk")"
  bad="$(awk '/Non-2xx|Socket errors/{print}' "$WORK/$name.wrk" | tr '\n' ' ')"
  echo "$name	$rps	$p99	$rss	${first#* }	${bad:-none}"
}
echo "pinned_repeat.sh: server on CPU $SERVER_CPUS, wrk -t1 -c32 on CPU $WRK_CPUS, $DURATION, $ROUNDS round(s), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target	req/s	p99	rss_peak_MiB	first request, s	errors"
for r in $(seq "$ROUNDS"); do
  run bolt http://127.0.0.1:18281/slack/events node "$PEERS/slack_bolt_peer.js"
  run bot http://127.0.0.1:18282/slack/interactions env BOT_DLL="$BOT_DLL" BENCH_TMP="$WORK" TEAMS_APP_ID= bash "$HERE/start_bot.sh" pinned
done
