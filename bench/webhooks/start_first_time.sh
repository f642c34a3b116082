#!/usr/bin/env bash
# Starts the built bot for a first-time run_peers.sh target (KIND slack-raise or slack-accept) and execs it.
#
#   PORT=... SLACK_SIGNING_SECRET=... BOT_DLL=... BENCH_TOOL=... FIRST_TIME_BODIES=... SLACK_API_URL=... start_first_time.sh KIND
#
# Before the bot starts: the bodies are signed now with run_peers.sh's secret (`sign`, COUNT of them, fresh timestamps), the
# offset file is reset, and the database is fresh: empty for raises, COUNT queued unowned Tier 1 tickets for accepts (`seed`).
# The Slack Web API is the stand-in at SLACK_API_URL (users.info answers, posts succeed), as deployed against a fast Slack.
set -euo pipefail
: "${PORT:?}" "${SLACK_SIGNING_SECRET:?}" "${BOT_DLL:?}" "${BENCH_TOOL:?}" "${FIRST_TIME_BODIES:?}" "${SLACK_API_URL:?}"
KIND="$1"; shift
COUNT="${FIRST_TIME_COUNT:-40000}"
mkdir -p "$FIRST_TIME_BODIES"
DB="$FIRST_TIME_BODIES/$KIND-$PORT-$(date +%s%N).db"
rm -f "$FIRST_TIME_BODIES/$KIND.offset"
dotnet "$BENCH_TOOL" sign --kind "$KIND" --count "$COUNT" --out "$FIRST_TIME_BODIES/$KIND.tsv" >&2
if [ "$KIND" = slack-accept ]; then dotnet "$BENCH_TOOL" seed --db "$DB" --tickets "$COUNT" >&2; fi

export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
export Database__Provider=Sqlite
export ConnectionStrings__Escalation="Data Source=$DB"
export Local__DemoClock=false
export Slack__Mode=Http Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$SLACK_API_URL"
export Policy__ManagerChannel__Slack=C0MANAGERS Policy__OnCallChannel__Slack=C0ONCALL
for i in 0 1 2 3; do export "Policy__Tiers__${i}__Channel__Slack=C0TIER$((i + 1))"; done
cd "$(dirname "$BOT_DLL")"
exec dotnet "$BOT_DLL" --urls "http://127.0.0.1:$PORT" "$@"
