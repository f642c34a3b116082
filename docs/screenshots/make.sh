#!/usr/bin/env bash
# Regenerates README's entry-point screenshots (docs/screenshots/<entry>.png, Home included) from the emulator: runs the browser tests that walk
# through each way in (Debian chromium at /usr/bin/chromium) with README_SCREENSHOTS=1, which copies its screenshots here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
README_SCREENSHOTS=1 dotnet test tests/ChatEscalation.Bot.Tests --filter "FullyQualifiedName~Browser.EntryPointTests|FullyQualifiedName~Browser.HomeBrowserTests"
ls -l docs/screenshots/*.png
