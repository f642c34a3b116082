#!/usr/bin/env bash
# Starts the built bot for a first-time run_peers.sh target (KIND slack-raise, slack-accept, teams-raise or teams-accept) and execs it.
#
#   PORT=... SLACK_SIGNING_SECRET=... BOT_DLL=... BENCH_TOOL=... FIRST_TIME_BODIES=... SLACK_API_URL=... start_first_time.sh KIND
#   (Teams kinds also: TEAMS_APP_ID, ISSUER_METADATA_URL, ISSUER_TOKEN_ENDPOINT, ISSUER_KEY, TEAMS_SERVICE_URL_PREFIX, TEAMS_API_URL)
#
# Before the bot starts: the offset file is reset, and the database is fresh: empty for raises, COUNT queued unowned Tier 1
# tickets for accepts (`seed`). Slack bodies are signed now with run_peers.sh's secret (`sign`, COUNT of them, fresh timestamps).
# Teams bodies carry a token each (12 hours valid, RSA-signed with local_issuer.js's key): signed once per run.sh run (COUNT of them)
# and reused by later rounds (each start has a fresh process and database, so nothing in the bot has seen them).
# The Slack Web API is the stand-in at SLACK_API_URL (users.info answers, posts succeed), the Bot Framework Connector the one at
# TEAMS_API_URL (member lookups answer, posts succeed; the seeded database holds the tier channels' references to it), as deployed
# against a fast platform. Teams targets run with Slack off and Teams auth on.
set -euo pipefail
: "${PORT:?}" "${SLACK_SIGNING_SECRET:?}" "${BOT_DLL:?}" "${BENCH_TOOL:?}" "${FIRST_TIME_BODIES:?}" "${SLACK_API_URL:?}"
KIND="$1"; shift
mkdir -p "$FIRST_TIME_BODIES"
DB="$FIRST_TIME_BODIES/$KIND-$PORT-$(date +%s%N).db"
rm -f "$FIRST_TIME_BODIES/$KIND.offset"

export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
export Database__Provider=Sqlite
export ConnectionStrings__Escalation="Data Source=$DB"
export Local__DemoClock=false
case "$KIND" in
  slack-*)
    COUNT="${FIRST_TIME_COUNT:-60000}"
    dotnet "$BENCH_TOOL" sign --kind "$KIND" --count "$COUNT" --out "$FIRST_TIME_BODIES/$KIND.tsv" >&2
    if [ "$KIND" = slack-accept ]; then dotnet "$BENCH_TOOL" seed --db "$DB" --tickets "$COUNT" >&2; fi
    export Slack__Mode=Http Slack__SigningSecret="$SLACK_SIGNING_SECRET" Slack__BotToken=xoxb-bench Slack__ApiBaseUrl="$SLACK_API_URL"
    export Policy__ManagerChannel__Slack=C0MANAGERS Policy__OnCallChannel__Slack=C0ONCALL
    for i in 0 1 2 3; do export "Policy__Tiers__${i}__Channel__Slack=C0TIER$((i + 1))"; done
    ;;
  teams-*)
    : "${TEAMS_APP_ID:?}" "${ISSUER_METADATA_URL:?}" "${ISSUER_TOKEN_ENDPOINT:?}" "${ISSUER_KEY:?}" "${TEAMS_SERVICE_URL_PREFIX:?}" "${TEAMS_API_URL:?}"
    COUNT="${FIRST_TIME_TEAMS_COUNT:-40000}"
    if [ ! -s "$FIRST_TIME_BODIES/$KIND.tsv" ]; then
      dotnet "$BENCH_TOOL" sign --kind "$KIND" --count "$COUNT" --out "$FIRST_TIME_BODIES/$KIND.tsv.part" --key "$ISSUER_KEY" \
        --app-id "$TEAMS_APP_ID" --service-url "$TEAMS_API_URL" >&2
      mv "$FIRST_TIME_BODIES/$KIND.tsv.part" "$FIRST_TIME_BODIES/$KIND.tsv"
    fi
    tickets=0; [ "$KIND" = teams-accept ] && tickets="$COUNT"
    dotnet "$BENCH_TOOL" seed --db "$DB" --tickets "$tickets" --platform teams --teams-service-url "$TEAMS_API_URL" >&2
    export Teams__AppId="$TEAMS_APP_ID" Teams__AppPassword=bench-password
    export Teams__OpenIdMetadataUrl="$ISSUER_METADATA_URL" Teams__TokenEndpoint="$ISSUER_TOKEN_ENDPOINT"
    # The stand-in's prefix, and the closed port of run_peers.sh's fixed check invoke (its answer must still be 200).
    export Teams__AllowedServiceUrlPrefixes__0="$TEAMS_API_URL" Teams__AllowedServiceUrlPrefixes__1="$TEAMS_SERVICE_URL_PREFIX"
    export Policy__ManagerChannel__Teams=19:managersbench@thread.tacv2 Policy__OnCallChannel__Teams=19:oncallbench@thread.tacv2
    for i in 0 1 2 3; do export "Policy__Tiers__${i}__Channel__Teams=19:tier$((i + 1))bench@thread.tacv2"; done
    ;;
  *) echo "start_first_time.sh: unknown kind $KIND" >&2; exit 2 ;;
esac
cd "$(dirname "$BOT_DLL")"
exec dotnet "$BOT_DLL" --urls "http://127.0.0.1:$PORT" "$@"
