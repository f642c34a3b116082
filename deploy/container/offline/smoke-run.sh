#!/usr/bin/env bash
# Runs an image tarball without a container engine, as a smoke test: its layers unpacked into a folder, the entrypoint started there
# with chroot as the image's user and with the image's environment, on the image's port 8080 (root is needed for chroot). Checks
# /healthz/live, /healthz/ready, the emulator page and a browser library, then stops it.
#
#   deploy/container/offline/smoke-run.sh artifacts/container/chatescalation.tar.gz
set -euo pipefail
IMAGE="$(realpath "$1")"
ROOT="$(mktemp -d -t chatescalation-rootfs.XXXXXX)"
chmod 755 "$ROOT"   # the image's / (mktemp makes it 0700, which the image's user could not enter)
stop() {
  # unshare --fork ignores SIGTERM while its child runs: stop the bot (its child) and let unshare end with it.
  if [ -n "${BOT:-}" ]; then
    for child in $(pgrep -P "$BOT" || true); do kill "$child" 2>/dev/null || true; done
    wait "$BOT" 2>/dev/null || true
  fi
  rm -rf "$ROOT"
}
trap stop EXIT
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
read -r USER_ID ENTRYPOINT WORKDIR ENV_FILE < <(python3 - "$IMAGE" "$ROOT" "$HERE/../inspect-image.py" <<'PY'
import importlib.util, json, sys, tarfile
image, root, inspector = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("inspect_image", inspector)
inspect_image = importlib.util.module_from_spec(spec)
spec.loader.exec_module(inspect_image)
with tarfile.open(image) as archive:
    config, layers = inspect_image.read_layers(archive)
for _, layer in layers:
    layer.extractall(root, numeric_owner=True, filter="fully_trusted")
config = config["config"]
with open(root + "/.env", "w") as f:
    f.write("\n".join(config.get("Env", [])) + "\n")
entry = config.get("Entrypoint") or []
print(config.get("User", "0"), " ".join(entry).replace(" ", "\x1f"), config.get("WorkingDir", "/"), root + "/.env")
PY
)
IFS=$'\x1f' read -r -a COMMAND <<< "$ENTRYPOINT"
echo "smoke-run.sh: user $USER_ID, entrypoint ${COMMAND[*]}, working dir $WORKDIR"
mapfile -t ENVIRONMENT < "$ENV_FILE"
# Writable SQLite file under /tmp (a deployment mounts a volume or uses PostgreSQL); scheduler on, emulator on as by default.
# As a container engine does: /proc and /dev mounted inside (in a private mount namespace, gone when the process ends).
mkdir -p "$ROOT/proc" "$ROOT/dev"
env -i "${ENVIRONMENT[@]}" ConnectionStrings__Escalation="Data Source=/tmp/escalation.db" \
  unshare --mount --propagation private --fork /bin/sh -c \
    'root="$1"; user="$2"; shift 2; mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && exec chroot --userspec="$user:$user" "$root" "$@"' \
    smoke "$ROOT" "$USER_ID" "${COMMAND[@]}" > "$ROOT/tmp/bot.log" 2>&1 &
BOT=$!
for _ in $(seq 100); do curl -fsS http://127.0.0.1:8080/healthz/live >/dev/null 2>&1 && break; sleep 0.2; done
status=0
for path in /healthz/live /healthz/ready /healthz / /lib/adaptivecards.js /dashboard; do
  code="$(curl -s -o "$ROOT/tmp/body" -w '%{http_code}' "http://127.0.0.1:8080$path" || true)"
  echo "GET $path -> $code ($( [ -f "$ROOT/tmp/body" ] && wc -c < "$ROOT/tmp/body" || echo 0) bytes)"
  [ "$code" = 200 ] || status=1
done
RUNNING_AS="$(pgrep -f "${COMMAND[-1]}" | while read -r p; do [ "$(tr -d '\0' < /proc/$p/cmdline)" = "$(printf '%s' "${COMMAND[@]}")" ] && ps -o uid= -p "$p"; done | tr -d ' ' | head -1)"
echo "the bot runs as uid ${RUNNING_AS:-?} (image user $USER_ID)"
[ "$RUNNING_AS" = "$USER_ID" ] || { echo "the process does not run as the image's user"; status=1; }
[ "$status" = 0 ] || { echo "--- bot log"; cat "$ROOT/tmp/bot.log"; }
exit "$status"
