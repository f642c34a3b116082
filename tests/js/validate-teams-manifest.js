#!/usr/bin/env node
// Validates a Teams app manifest offline with the validator of @microsoft/app-manifest
// (ajv, draft-04 for these schemas) against the schema file shipped in that package.
// Usage: node validate-teams-manifest.js <manifest.json> [version]
//   version defaults to the manifest's own "manifestVersion".
// Output (stdout, JSON): { "schemaPath": "...", "errors": [ "<ajv message>", ... ] }
// Exit code: 0 when validation ran (the caller asserts on "errors"); 2 on bad usage or input.
"use strict";

const fs = require("fs");
const path = require("path");
const { ManifestUtil } = require("@microsoft/app-manifest");

async function main() {
  const manifestPath = process.argv[2];
  if (!manifestPath) {
    process.stderr.write("usage: node validate-teams-manifest.js <manifest.json> [version]\n");
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  const version = (process.argv[3] || manifest.manifestVersion || "").replace(/^v/, "");
  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const schemaPath = path.join(packageRoot, "build", "json-schemas", "teams", "v" + version, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaPath)) {
    process.stderr.write("validate-teams-manifest: no schema for v" + version + "\n");
    process.exit(2);
  }
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  // Passing the schema object keeps validation offline (no fetch of manifest.$schema).
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  process.stdout.write(JSON.stringify({ schemaPath, errors }, null, 2) + "\n");
}

main().catch((err) => {
  process.stderr.write("validate-teams-manifest: " + (err && err.stack || err) + "\n");
  process.exit(2);
});
