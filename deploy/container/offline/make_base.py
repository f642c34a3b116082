#!/usr/bin/env python3
"""Builds a stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 from THIS machine's ASP.NET Core runtime, for build machines that
cannot reach the image registry. One layer: the .NET runtime (/usr/share/dotnet), the shared libraries it loads (glibc, libstdc++,
OpenSSL, ICU, zlib, found with ldd and ldconfig), time zones, CA certificates, /etc/passwd with the non-root user app (UID 1654, as in
Microsoft's images) and /tmp. The configuration sets what Microsoft's image sets that the app relies on (DOTNET_ROOT, APP_UID,
ASPNETCORE_HTTP_PORTS=8080).

It is NOT the production base: it only lets build-image.sh produce, inspect and smoke-run the image here. Images for a deployment are
built on the real base (build-image.sh without BASE_IMAGE).

    python3 make_base.py OUT_DIR     # writes OUT_DIR/blobs/sha256/* and OUT_DIR/manifest.json (served by registry.py)
"""
import glob, gzip, hashlib, io, json, os, subprocess, sys, tarfile

DOTNET = "/usr/share/dotnet"
DLOPENED = ["libssl.so.3", "libcrypto.so.3", "libicuuc.so.72", "libicui18n.so.72", "libicudata.so.72", "libz.so.1", "libgssapi_krb5.so.2"]


def ldd(path):
    out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split("=>")
        target = (parts[1] if len(parts) > 1 else parts[0]).strip().split(" (")[0].strip()
        if target.startswith("/"):
            yield target


def libraries():
    found = set()
    roots = [f"{DOTNET}/dotnet"] + glob.glob(f"{DOTNET}/host/fxr/*/*.so") + glob.glob(f"{DOTNET}/shared/*/*/*.so")
    ldconfig = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for name in DLOPENED:
        for line in ldconfig.splitlines():
            if line.strip().startswith(name + " ") and "x86-64" in line:
                roots.append(line.split("=>")[1].strip())
                break
    todo = list(roots)
    while todo:
        for lib in ldd(todo.pop()):
            if lib not in found:
                found.add(lib)
                todo.append(lib)
    return sorted(found | {r for r in roots if not r.startswith(DOTNET)})


ADDED_DIRS = set()


def add_parents(tar, name):
    """Adds the parent folders of name (0755, root) once each, so the layer does not rely on the engine creating them."""
    parts = name.split("/")[:-1]
    for i in range(1, len(parts) + 1):
        folder = "/".join(parts[:i])
        if folder and folder not in ADDED_DIRS:
            ADDED_DIRS.add(folder)
            info = tarfile.TarInfo(folder)
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)


def add_file(tar, source, name=None):
    name = (name or source).lstrip("/")
    add_parents(tar, name)
    info = tar.gettarinfo(os.path.realpath(source), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    with open(os.path.realpath(source), "rb") as f:
        tar.addfile(info, f)


def add_dir(tar, name, mode=0o755, owner=0):
    ADDED_DIRS.add(name.strip("/"))
    info = tarfile.TarInfo(name.lstrip("/"))
    info.type, info.mode, info.uid, info.gid = tarfile.DIRTYPE, mode, owner, owner
    tar.addfile(info)


def add_text(tar, name, text, mode=0o644):
    add_parents(tar, name.lstrip("/"))
    data = text.encode()
    info = tarfile.TarInfo(name.lstrip("/"))
    info.size, info.mode = len(data), mode
    tar.addfile(info, io.BytesIO(data))


def layer():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for d in ["/etc", "/lib", "/lib64", "/usr", "/usr/share", "/usr/lib", "/home", "/app"]:
            add_dir(tar, d)
        add_dir(tar, "/home/app", 0o755, owner=1654)  # app's home belongs to app, as in Microsoft's images
        add_dir(tar, "/tmp", 0o1777)
        for path in sorted(glob.glob(f"{DOTNET}/**", recursive=True)):
            if os.path.isfile(path) and "/sdk/" not in path and "/packs/" not in path and "/templates/" not in path and "/sdk-manifests/" not in path:
                add_file(tar, path)
        for lib in libraries():
            add_file(tar, lib)
        for zone in glob.glob("/usr/share/zoneinfo/**", recursive=True):
            if os.path.isfile(zone):
                add_file(tar, zone)
        add_file(tar, "/etc/ssl/certs/ca-certificates.crt")
        link = tarfile.TarInfo("usr/bin/dotnet")  # on PATH, as in Microsoft's images
        link.type, link.linkname = tarfile.SYMTYPE, "/usr/share/dotnet/dotnet"
        add_parents(tar, "usr/bin/dotnet")
        tar.addfile(link)
        add_text(tar, "/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n")
        add_text(tar, "/etc/group", "root:x:0:\napp:x:1654:\n")
        add_text(tar, "/etc/nsswitch.conf", "hosts: files dns\n")
    return buffer.getvalue()


def main(out):
    os.makedirs(f"{out}/blobs/sha256", exist_ok=True)
    raw = layer()
    gz = gzip.compress(raw, compresslevel=6, mtime=0)
    diff_id = "sha256:" + hashlib.sha256(raw).hexdigest()
    layer_digest = hashlib.sha256(gz).hexdigest()
    with open(f"{out}/blobs/sha256/{layer_digest}", "wb") as f:
        f.write(gz)
    version = os.path.basename(sorted(glob.glob(f"{DOTNET}/shared/Microsoft.AspNetCore.App/*"))[-1])
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "DOTNET_ROOT=/usr/share/dotnet",
                "APP_UID=1654",
                "ASPNETCORE_HTTP_PORTS=8080",
                "DOTNET_RUNNING_IN_CONTAINER=true",
                f"ASPNET_VERSION={version}",
            ],
            "WorkingDir": "/app",
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "deploy/container/offline/make_base.py (stand-in for mcr.microsoft.com/dotnet/aspnet:10.0)"}],
    }
    config_bytes = json.dumps(config, separators=(",", ":")).encode()
    config_digest = hashlib.sha256(config_bytes).hexdigest()
    with open(f"{out}/blobs/sha256/{config_digest}", "wb") as f:
        f.write(config_bytes)
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": f"sha256:{config_digest}", "size": len(config_bytes)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": f"sha256:{layer_digest}", "size": len(gz)}],
    }
    with open(f"{out}/manifest.json", "w") as f:
        json.dump(manifest, f)
    print(f"base image in {out}: runtime {version}, layer {len(gz) // 1024 // 1024} MiB compressed")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
