#!/usr/bin/env sh
# Regenerates docs/screenshots/home.png: the emulator's Home of Alice (Tier 1), drawn by Debian's chromium through the Playwright
# browser test HomeBrowserTests, which copies its screenshot into the folder named by CE_SCREENSHOTS_TO.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/docs/screenshots"
CE_SCREENSHOTS_TO="$root/docs/screenshots" dotnet test "$root/tests/ChatEscalation.Bot.Tests" --filter "FullyQualifiedName~HomeBrowserTests"
