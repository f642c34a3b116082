#!/usr/bin/env bash
# Webhook throughput of the bot against the official-SDK peers (Slack Bolt, Bot Framework botbuilder)
# and the bare Kestrel baseline, in one run_peers.sh invocation so that the ratios are comparable.
#
#   bench/webhooks/run.sh                                  # 6 targets x (shared, pinned) x 3 rounds, ~10 min
#   bench/webhooks/run.sh --pin off --rounds 1             # a quick look (~2 min)
#   bench/webhooks/run.sh --only bot-teams,teams,kestrel-teams --rounds 5
#
# Every argument goes to run_peers.sh (--pin, --rounds, --only, --out; see run_peers.sh --help).
# Without --out the rows are appended to bench/results/webhooks-<UTC date>.tsv.
# Steps: (1) copy the peers folder to $PEERS (default chatescalation-peers in the temporary folder) when it is missing or differs,
# run its setup.sh (idempotent: apt wrk, npm ci, kestrel build); (2) publish the bot in Release to
# $BOT_OUT/bot (default artifacts/bench in the repository, git-ignored; obj/bin under $BOT_OUT too);
# (3) start local_issuer.js (Bot Framework metadata, JWKS, token endpoint and a signed token on
# loopback); (4) run_peers.sh with two more targets, both started by start_bot.sh:
#   bot-slack  slack_interaction.lua -> /slack/interactions   (signed; signature checked)
#   bot-teams  teams_invoke.lua      -> /api/messages         (Bearer JWT; auth ON, the peer's is off)
#   bot-raise  first_time/raise/…    -> /slack/commands       (FIRST-TIME: a new signed `/ticket <unique text>` per request)
#   bot-accept first_time/accept/…   -> /slack/interactions   (FIRST-TIME: Accept on another unowned ticket per request)
#   bot-teams-raise  first_time/teams-raise/…  -> /api/messages (FIRST-TIME: a 1:1 `ticket <unique text>`, its own JWT; auth ON)
#   bot-teams-accept first_time/teams-accept/… -> /api/messages (FIRST-TIME: Accept invoke on another unowned ticket, its own JWT)
# The first-time targets run against a Slack Web API stand-in (ChatEscalation.Bench.FullPath slack-api on loopback, users.info
# answers, posts succeed) or a Bot Framework Connector stand-in (teams-api: member lookups answer, posts succeed) and count as Slack
# or Teams targets in run_peers.sh's checks; see start_first_time.sh and first_time/first_time.lua.
#
# Environment: PEERS_SRC (default ../shared/bench/peers beside the repository), PEERS, BOT_OUT, KEEP_LOGS=1 (keep
# run_peers.sh's and the bot's logs and databases), BOT_ARGS (extra bot command-line arguments, e.g.
# '--Logging:LogLevel:Microsoft.EntityFrameworkCore.Update=None'), plus run_peers.sh's own
# (THREADS, CONNS, DURATION, WARMUP, BASE_PORT, SERVER_CPUS, WRK_CPUS).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac

# The peers are optional material beside the checkout (../shared/bench/peers), never part of the repository.
PEERS_SRC="${PEERS_SRC:-$REPO/../shared/bench/peers}"
BOT_OUT="${BOT_OUT:-$REPO/artifacts/bench}"
# The peers build with their own settings, so their copy stays outside the repository (whose Directory.*.props would apply):
# in the system's temporary folder ($TMPDIR honoured).
PEERS="${PEERS:-$(dirname "$(mktemp -u)")/chatescalation-peers}"
TEAMS_APP_ID=00000000-0000-0000-0000-0000000000b0   # the recipient id in teams_invoke.lua is 28:<this>

# Pass every argument through; make --out absolute (run_peers.sh runs from the repository root).
ARGS=(); HAS_OUT=0
while [ $# -gt 0 ]; do
  if [ "$1" = --out ] && [ $# -ge 2 ]; then ARGS+=(--out "$(realpath -m "$2")"); HAS_OUT=1; shift 2
  else ARGS+=("$1"); shift; fi
done
[ "$HAS_OUT" = 1 ] || ARGS+=(--out "$REPO/bench/results/webhooks-$(date -u +%Y-%m-%d).tsv")

# 1. Peers: a writable copy (the shared folder may be read-only), then its idempotent setup.
if [ ! -f "$PEERS_SRC/run_peers.sh" ]; then
  echo "run.sh: the benchmark peers are not at $PEERS_SRC." >&2
  echo "run.sh: they live beside the repository in ../shared/bench/peers (optional, not part of the checkout);" >&2
  echo "run.sh: put them there or point PEERS_SRC at a folder holding run_peers.sh. Nothing was measured." >&2
  exit 2
fi
PEERS_SRC="$(cd "$PEERS_SRC" && pwd)"
if [ ! -d "$PEERS" ] || ! diff -rq -x node_modules -x bin -x obj -x .package-lock.json "$PEERS_SRC" "$PEERS" >/dev/null 2>&1; then
  echo "run.sh: copying $PEERS_SRC to $PEERS"
  mkdir -p "$PEERS"
  cp -rfp "$PEERS_SRC/." "$PEERS/"   # -p keeps mtimes, so setup.sh does not reinstall for nothing
  chmod -R u+w "$PEERS"
fi
"$PEERS/setup.sh"

# 2. The bot, Release, built from the working tree.
echo "run.sh: publishing bot/ChatEscalation.Bot.csproj (Release) to $BOT_OUT/bot"
if ! out="$(dotnet publish "$REPO/bot/ChatEscalation.Bot.csproj" -c Release --artifacts-path "$BOT_OUT/artifacts" \
    -o "$BOT_OUT/bot" -nologo -v q 2>&1)"; then
  echo "$out" >&2; exit 1
fi
export BOT_DLL="$BOT_OUT/bot/ChatEscalation.Bot.dll"
echo "run.sh: building bench/ChatEscalation.Bench.FullPath (Release) to $BOT_OUT/tool"
if ! out="$(dotnet build "$REPO/bench/ChatEscalation.Bench.FullPath/ChatEscalation.Bench.FullPath.csproj" -c Release \
    --artifacts-path "$BOT_OUT/artifacts" -o "$BOT_OUT/tool" -nologo -v q 2>&1)"; then
  echo "$out" >&2; exit 1
fi
export BENCH_TOOL="$BOT_OUT/tool/ChatEscalation.Bench.FullPath.dll"
if [ -n "$(git -C "$REPO" status --porcelain -- bot core 2>/dev/null)" ]; then
  echo "run.sh: note: bot/ or core/ has uncommitted changes; the commit column of the TSV does not describe this build"
fi

# 3. Local Bot Framework issuer; the token's serviceurl is the serviceUrl of the Teams request body.
BENCH_TMP="$(mktemp -d -t chatescalation-webhooks.XXXXXX)"
ISSUER_PID=""
STANDIN_PID=""
TEAMS_STANDIN_PID=""
cleanup() {
  if [ -n "$ISSUER_PID" ]; then kill "$ISSUER_PID" 2>/dev/null || true; wait "$ISSUER_PID" 2>/dev/null || true; fi
  if [ -n "$STANDIN_PID" ]; then kill "$STANDIN_PID" 2>/dev/null || true; wait "$STANDIN_PID" 2>/dev/null || true; fi
  if [ -n "$TEAMS_STANDIN_PID" ]; then kill "$TEAMS_STANDIN_PID" 2>/dev/null || true; wait "$TEAMS_STANDIN_PID" 2>/dev/null || true; fi
  if [ "${KEEP_LOGS:-0}" = 1 ]; then echo "run.sh: bot databases and issuer output kept in $BENCH_TMP"; else rm -rf "$BENCH_TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SERVICE_URL="$(sed -n 's/.*"serviceUrl":"\([^"]*\)".*/\1/p' "$PEERS/teams_invoke.lua")"
[ -n "$SERVICE_URL" ] || { echo "run.sh: no serviceUrl in $PEERS/teams_invoke.lua" >&2; exit 1; }
export ISSUER_KEY="$BENCH_TMP/issuer.pem"   # the first-time Teams targets sign one token per request with it
node "$HERE/local_issuer.js" --app-id "$TEAMS_APP_ID" --service-url "$SERVICE_URL" --hours 12 --key-out "$ISSUER_KEY" \
  > "$BENCH_TMP/issuer.out" 2> "$BENCH_TMP/issuer.err" &
ISSUER_PID=$!
for _ in $(seq 100); do
  [ "$(grep -c . "$BENCH_TMP/issuer.out" 2>/dev/null)" -ge 3 ] && break
  kill -0 "$ISSUER_PID" 2>/dev/null || break
  sleep 0.1
done
while IFS='=' read -r key value; do
  case "$key" in ISSUER_METADATA_URL|ISSUER_TOKEN_ENDPOINT|TEAMS_AUTHORIZATION) export "$key=$value" ;; esac
done < "$BENCH_TMP/issuer.out"
[ -n "${TEAMS_AUTHORIZATION:-}" ] || { echo "run.sh: local_issuer.js did not start:" >&2; cat "$BENCH_TMP/issuer.err" >&2; exit 1; }
export TEAMS_APP_ID BENCH_TMP
# The prefix the bot may send its Connector token to: scheme://host:port/ of that serviceUrl.
export TEAMS_SERVICE_URL_PREFIX="$(sed -E 's#^([A-Za-z]+://[^/]+).*#\1/#' <<< "$SERVICE_URL")"

# 3b. The Slack Web API stand-in for the first-time targets, and where their signed bodies go.
STANDIN_PORT="${STANDIN_PORT:-18999}"
dotnet "$BENCH_TOOL" slack-api --port "$STANDIN_PORT" > "$BENCH_TMP/standin.out" 2>&1 &
STANDIN_PID=$!
TEAMS_STANDIN_PORT="${TEAMS_STANDIN_PORT:-18998}"
dotnet "$BENCH_TOOL" teams-api --port "$TEAMS_STANDIN_PORT" > "$BENCH_TMP/teams-standin.out" 2>&1 &
TEAMS_STANDIN_PID=$!
export TEAMS_API_URL="http://127.0.0.1:$TEAMS_STANDIN_PORT/"
export SLACK_API_URL="http://127.0.0.1:$STANDIN_PORT/api/" FIRST_TIME_BODIES="$BENCH_TMP/first-time" FIRST_TIME_DIR="$HERE/first_time"
FIRST="$(printf '%q' "$HERE/start_first_time.sh")"

# 4. Measure. TEAMS_AUTHORIZATION is sent to every teams_invoke.lua target; the botbuilder peer runs
# with auth off and ignores it, the bot validates it on every request.
START="$(printf '%q' "$HERE/start_bot.sh")"
echo "run.sh: bot with Logging:LogLevel:Default=Warning, SQLite per start under $BENCH_TMP/db, Teams auth on (issuer $ISSUER_METADATA_URL)"
cd "$REPO"
status=0
"$PEERS/run_peers.sh" \
  --add "bot-slack|slack_interaction.lua|/slack/interactions|$START bot-slack ${BOT_ARGS:-}" \
  --add "bot-teams|teams_invoke.lua|/api/messages|$START bot-teams ${BOT_ARGS:-}" \
  --add "bot-raise|$HERE/first_time/raise/slack_interaction.lua|/slack/interactions|$FIRST slack-raise ${BOT_ARGS:-}" \
  --add "bot-accept|$HERE/first_time/accept/slack_interaction.lua|/slack/interactions|$FIRST slack-accept ${BOT_ARGS:-}" \
  --add "bot-teams-raise|$HERE/first_time/teams-raise/teams_invoke.lua|/api/messages|$FIRST teams-raise ${BOT_ARGS:-}" \
  --add "bot-teams-accept|$HERE/first_time/teams-accept/teams_invoke.lua|/api/messages|$FIRST teams-accept ${BOT_ARGS:-}" \
  "${ARGS[@]}" || status=$?
# A first-time target that ran out of bodies sent repeats (cheap) for part of its run: its rate is not a first-time rate.
if [ -s "$FIRST_TIME_BODIES/repeated.log" ]; then
  echo "run.sh: FAILED MEASUREMENT: first-time targets sent repeated bodies (raise FIRST_TIME_COUNT or FIRST_TIME_TEAMS_COUNT):" >&2
  sed 's/^/run.sh:   /' "$FIRST_TIME_BODIES/repeated.log" >&2
  [ "$status" != 0 ] || status=3
fi
exit "$status"
