#!/usr/bin/env node
// Converts one YAML file (e.g. the Slack app manifest) to JSON on stdout, with js-yaml.
// Usage: node yaml-to-json.js <file.yaml>
// Exit code 2 when the file is missing or is not valid YAML.
"use strict";

const fs = require("fs");
const yaml = require("js-yaml");

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node yaml-to-json.js <file.yaml>\n");
  process.exit(2);
}
try {
  const doc = yaml.load(fs.readFileSync(file, "utf8"), { filename: file });
  process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
} catch (err) {
  process.stderr.write("yaml-to-json: " + (err && err.message || err) + "\n");
  process.exit(2);
}
