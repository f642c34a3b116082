#!/usr/bin/env python3
"""Inspects a container image tarball written by build-image.sh (docker-archive or OCI layout, gzip or not) without a daemon.

Prints the image configuration (user, ports, environment, entrypoint, working directory) and checks what a deployment relies on:
the user is not root, port 8080 is exposed and ASPNETCORE_HTTP_PORTS is 8080, and the app layer holds the application and the
built web assets (emulator page, dashboard, the browser libraries under /lib), so nothing needs Node.js at run time.
Exit code 0 when every check passes, 1 otherwise.

    python3 deploy/container/inspect-image.py artifacts/container/chatescalation.tar.gz
"""
import io, json, sys, tarfile

REQUIRED_FILES = [
    "app/ChatEscalation.Bot.dll",
    "app/appsettings.json",
    "app/Local/wwwroot/index.html",
    "app/Local/wwwroot/app.js",
    "app/Dashboard/wwwroot/dashboard.html",
    "app/Web/wwwroot/lib/adaptivecards.js",
    "app/Web/wwwroot/lib/chart.umd.js",
]


def read_layers(archive):
    """Yields (name, TarFile) for each layer of the image, reading the manifest of either format."""
    names = archive.getnames()
    def member(name):
        return archive.extractfile(archive.getmember(name)).read()
    if "manifest.json" in names:  # docker-archive
        manifest = json.loads(member("manifest.json"))[0]
        config = json.loads(member(manifest["Config"]))
        layers = manifest["Layers"]
    else:  # OCI layout
        index = json.loads(member("index.json"))
        digest = index["manifests"][0]["digest"].replace(":", "/")
        manifest = json.loads(member("blobs/" + digest))
        if "manifests" in manifest:
            manifest = json.loads(member("blobs/" + manifest["manifests"][0]["digest"].replace(":", "/")))
        config = json.loads(member("blobs/" + manifest["config"]["digest"].replace(":", "/")))
        layers = ["blobs/" + l["digest"].replace(":", "/") for l in manifest["layers"]]
    return config, [(name, tarfile.open(fileobj=io.BytesIO(member(name)))) for name in layers]


def main(path):
    with tarfile.open(path) as archive:
        config, layers = read_layers(archive)
    c = config.get("config", {})
    env = dict(e.split("=", 1) for e in c.get("Env", []))
    print(json.dumps({k: c.get(k) for k in ["User", "ExposedPorts", "Entrypoint", "Cmd", "WorkingDir"]} | {"Env": env}, indent=2))
    files = {}
    for name, layer in layers:
        for m in layer.getmembers():
            files[m.name.lstrip("./")] = (name, m)
    problems = []
    user = (c.get("User") or "root").split(":")[0]
    if user in ("", "0", "root"):
        problems.append(f"runs as root (User={c.get('User')!r})")
    if "8080/tcp" not in (c.get("ExposedPorts") or {}):
        problems.append("port 8080/tcp is not exposed")
    if env.get("ASPNETCORE_HTTP_PORTS") != "8080":
        problems.append(f"ASPNETCORE_HTTP_PORTS is {env.get('ASPNETCORE_HTTP_PORTS')!r}, not 8080")
    for part in (c.get("Entrypoint") or []) + (c.get("Cmd") or []):
        if part.startswith("/app") and part.lstrip("/") not in files:
            problems.append(f"the entrypoint names {part}, which is not in the image")
    for required in REQUIRED_FILES:
        if required not in files:
            problems.append(f"missing {required}")
        else:
            print(f"found {required} ({files[required][1].size} bytes)")
    print(f"{len(layers)} layers, {len(files)} entries")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
