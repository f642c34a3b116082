#!/usr/bin/env node
// Prints the absolute path of a Teams app manifest JSON schema shipped in @microsoft/app-manifest.
// Usage: node teams-schema-path.js [version]     (version defaults to 1.25, e.g. "1.25" or "v1.25")
// Exit code 1 when the package has no schema for that version.
"use strict";

const fs = require("fs");
const path = require("path");

const requested = (process.argv[2] || "1.25").replace(/^v/, "");
const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaPath = path.join(packageRoot, "build", "json-schemas", "teams", "v" + requested, "MicrosoftTeams.schema.json");

if (!fs.existsSync(schemaPath)) {
  process.stderr.write("teams-schema-path: no schema for v" + requested + " at " + schemaPath + "\n");
  process.exit(1);
}
process.stdout.write(schemaPath + "\n");
