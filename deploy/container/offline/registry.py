#!/usr/bin/env python3
"""A read-only OCI registry on loopback serving the one image make_base.py wrote, under any repository name and tag, so the .NET SDK
can pull it as ContainerBaseImage=localhost:PORT/<name>:<tag> (the SDK speaks plain http to localhost registries).

    python3 registry.py BASE_DIR PORT      # serves until killed; prints "ready" once listening
"""
import hashlib, http.server, json, os, sys

BASE, PORT = sys.argv[1], int(sys.argv[2])
MANIFEST = open(os.path.join(BASE, "manifest.json"), "rb").read()
MANIFEST_DIGEST = "sha256:" + hashlib.sha256(MANIFEST).hexdigest()
MANIFEST_TYPE = json.loads(MANIFEST)["mediaType"]


class Handler(http.server.BaseHTTPRequestHandler):
    def _send(self, status, body=b"", content_type="application/json", digest=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Docker-Distribution-API-Version", "registry/2.0")
        if digest:
            self.send_header("Docker-Content-Digest", digest)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path in ("/v2", "/v2/"):
            return self._send(200, b"{}")
        if "/manifests/" in path:
            return self._send(200, MANIFEST, MANIFEST_TYPE, MANIFEST_DIGEST)
        if "/blobs/sha256:" in path:
            blob = os.path.join(BASE, "blobs", "sha256", path.rsplit("sha256:", 1)[1])
            if os.path.isfile(blob):
                with open(blob, "rb") as f:
                    data = f.read()
                return self._send(200, data, "application/octet-stream", "sha256:" + os.path.basename(blob))
        self._send(404, b'{"errors":[{"code":"NOT_FOUND"}]}')

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
