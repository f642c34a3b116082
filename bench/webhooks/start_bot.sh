#!/usr/bin/env bash
# Starts the built bot for one run_peers.sh target and execs it (run_peers.sh stops it by PID).
#
#   PORT=18084 SLACK_SIGNING_SECRET=... BOT_DLL=<published bot>/ChatEscalation.Bot.dll start_bot.sh NAME [BOT_ARGS...]
#
# BOT_ARGS go to the bot's command line (configuration overrides such as --Logging:LogLevel:X=None).
#
# From run_peers.sh: PORT, SLACK_SIGNING_SECRET. From run.sh: BOT_DLL, BENCH_TMP (folder for the
# per-start SQLite files), and for Teams TEAMS_APP_ID, ISSUER_METADATA_URL, ISSUER_TOKEN_ENDPOINT,
# TEAMS_SERVICE_URL_PREFIX (without them Teams stays off and /api/messages answers 503).
# The same configuration serves both targets (bot-slack and bot-teams differ only in the request).
#
# Nothing leaves loopback: the Slack Web API base is a closed loopback port (127.0.0.1:9), the Bot
# Framework metadata/JWKS/token endpoint is run.sh's local_issuer.js, and the activity's serviceUrl
# (http://127.0.0.1:9/ in teams_invoke.lua) is a closed port too. Calls there fail and are logged.
set -euo pipefail
: "${PORT:?PORT is not set}" "${SLACK_SIGNING_SECRET:?SLACK_SIGNING_SECRET is not set}"
NAME="${1:-bot}"; shift || true
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BOT_DLL="${BOT_DLL:-$REPO/artifacts/bench/bot/ChatEscalation.Bot.dll}"
BENCH_TMP="${BENCH_TMP:-$REPO/artifacts/bench}"
[ -f "$BOT_DLL" ] || { echo "start_bot.sh: $BOT_DLL not found (run run.sh, or set BOT_DLL)" >&2; exit 1; }
mkdir -p "$BENCH_TMP/db"
# A fresh database for every start: the de-duplication table starts empty each time.
DB="$BENCH_TMP/db/$NAME-$PORT-$(date +%s%N).db"

export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning        # the console must not become the bottleneck
export Database__Provider=Sqlite
export ConnectionStrings__Escalation="Data Source=$DB"
export Local__DemoClock=false                    # the system clock, as in production

export Slack__Mode=Http
export Slack__SigningSecret="$SLACK_SIGNING_SECRET"
export Slack__BotToken=xoxb-bench
export Slack__ApiBaseUrl=http://127.0.0.1:9/api/

if [ -n "${TEAMS_APP_ID:-}" ]; then
  : "${ISSUER_METADATA_URL:?}" "${ISSUER_TOKEN_ENDPOINT:?}" "${TEAMS_SERVICE_URL_PREFIX:?}"
  export Teams__AppId="$TEAMS_APP_ID"
  export Teams__AppPassword=bench-password
  export Teams__OpenIdMetadataUrl="$ISSUER_METADATA_URL"
  export Teams__TokenEndpoint="$ISSUER_TOKEN_ENDPOINT"
  export Teams__AllowedServiceUrlPrefixes__0="$TEAMS_SERVICE_URL_PREFIX"
fi

# Content root = the published folder, as deployed. The listening address goes on the command line
# (ASPNETCORE_URLS works as well since the default address moved out of appsettings.json).
cd "$(dirname "$BOT_DLL")"
exec dotnet "$BOT_DLL" --urls "http://127.0.0.1:$PORT" "$@"
