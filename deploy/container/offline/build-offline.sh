#!/usr/bin/env bash
# Builds the image where mcr.microsoft.com cannot be reached: a stand-in base from this machine's .NET runtime (make_base.py, cached
# in $BASE_DIR), served by registry.py on a free loopback port, then ../build-image.sh with BASE_IMAGE pointing at it.
#
#   deploy/container/offline/build-offline.sh [out.tar.gz]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE_DIR="${BASE_DIR:-$HERE/../../../artifacts/offline-base}"   # inside the repository, git-ignored
[ -f "$BASE_DIR/manifest.json" ] || python3 "$HERE/make_base.py" "$BASE_DIR"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$HERE/registry.py" "$BASE_DIR" "$PORT" > "$BASE_DIR/registry.log" 2>&1 &
REGISTRY=$!
trap 'kill $REGISTRY 2>/dev/null || true; wait $REGISTRY 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q ready "$BASE_DIR/registry.log" 2>/dev/null && break; sleep 0.1; done
BASE_IMAGE="localhost:$PORT/chatescalation-offline/aspnet:10.0" "$HERE/../build-image.sh" "$@"
