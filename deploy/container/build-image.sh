#!/usr/bin/env bash
# Builds the ChatEscalation container image with the .NET SDK's own container support (no Dockerfile, no Docker daemon) and
# writes it as a tarball that `docker load` / `podman load` read.
#
#   deploy/container/build-image.sh                       # -> artifacts/container/chatescalation.tar.gz, base mcr.microsoft.com/dotnet/aspnet:10.0
#   deploy/container/build-image.sh out/image.tar.gz      # another output path
#   BASE_IMAGE=registry.example/dotnet/aspnet:10.0 deploy/container/build-image.sh    # a mirror of the base image
#
# Node.js and npm are needed here, at build time only (the emulator's and dashboard's browser libraries are built into the image).
# Where the base image's registry cannot be reached (an air-gapped build machine), deploy/container/offline/ serves a stand-in base
# on loopback; see its README.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(realpath -m "${1:-$REPO/artifacts/container/chatescalation.tar.gz}")"
mkdir -p "$(dirname "$OUT")"
args=(publish "$REPO/bot/ChatEscalation.Bot.csproj" -c Release --os linux --arch x64 -t:PublishContainer
      "-p:ContainerArchiveOutputPath=$OUT" -nologo)
[ -z "${BASE_IMAGE:-}" ] || args+=("-p:ContainerBaseImage=$BASE_IMAGE")
echo "build-image.sh: dotnet ${args[*]}"
dotnet "${args[@]}"
echo "build-image.sh: image written to $OUT"
echo "build-image.sh: check it with: python3 $REPO/deploy/container/inspect-image.py $OUT"
