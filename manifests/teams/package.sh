#!/usr/bin/env bash
# Builds the Teams app package: build/ChatEscalation.zip with manifest.json, color.png and
# outline.png at the root of the zip (no folder), ready for "Upload a custom app", the Teams
# Admin Center or the Developer Portal.
#
# Usage:
#   TEAMS_APP_ID=<bot Microsoft App ID GUID> manifests/teams/package.sh [output.zip]
#   (Teams__AppId, the name the bot host's configuration uses, is accepted too.)
#
# The bot app id replaces the placeholder botId 00000000-0000-0000-0000-000000000000 in
# manifest.json; nothing else changes (bump "version" in manifest.json yourself before each upload).
# Uses `zip` when installed, otherwise python3's zipfile module. Exits non-zero when no app id is
# set or it is not a GUID.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
placeholder="00000000-0000-0000-0000-000000000000"
app_id="${TEAMS_APP_ID:-${Teams__AppId:-}}"
out="${1:-$here/build/ChatEscalation.zip}"

if [[ -z "$app_id" ]]; then
  echo "package.sh: set TEAMS_APP_ID (or Teams__AppId) to the bot's Microsoft App ID" >&2
  exit 1
fi
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "package.sh: '$app_id' is not a GUID" >&2
  exit 1
fi
if ! grep -q "\"botId\": \"$placeholder\"" "$here/manifest.json"; then
  echo "package.sh: manifest.json has no placeholder botId $placeholder" >&2
  exit 1
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
sed "s/\"botId\": \"$placeholder\"/\"botId\": \"$app_id\"/" "$here/manifest.json" > "$stage/manifest.json"
cp "$here/color.png" "$here/outline.png" "$stage/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip > /dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$out" manifest.json color.png outline.png)
else
  python3 - "$stage" "$out" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(stage, name), arcname=name)
PY
fi
echo "$out"
