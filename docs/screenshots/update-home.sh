#!/usr/bin/env bash
# Regenerates docs/screenshots/home.png: the emulator's Home of Alice (Tier 1), drawn by Debian's chromium (/usr/bin/chromium) through
# the Playwright browser test HomeBrowserTests, which copies its screenshot here when README_SCREENSHOTS=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
README_SCREENSHOTS=1 dotnet test tests/ChatEscalation.Bot.Tests --filter "FullyQualifiedName~Browser.HomeBrowserTests"
ls -l docs/screenshots/home.png
