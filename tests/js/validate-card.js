#!/usr/bin/env node
// Parses and renders Adaptive Cards with the official `adaptivecards` JavaScript library,
// the renderer family Teams uses, and reports what it found.
//
// Usage:
//   node validate-card.js card1.json [card2.json ...]
//   node validate-card.js < cards.json        (stdin: one card object, or a JSON array of cards)
//
// Output (stdout, JSON): an array with one entry per card, in input order:
//   { "source": "<path or #index>", "errors": [ {phase, event, message} ], "warnings": [ ... ],
//     "rendered": true|false, "renderError": "<message>"|null, "html": "<outer HTML>"|null }
// Exit code: 0 when every card was processed, whatever it contained (the caller asserts on content);
// 2 on bad usage or unreadable input.
//
// Cards are parsed for Adaptive Cards 1.5 (the version Teams renders): a value or element that
// needs 1.6 is reported. Events of the kinds in ERROR_EVENTS count as errors, all others as warnings.
"use strict";

const fs = require("fs");
const { JSDOM } = require("jsdom");

// The package's "lib" folder is ES modules with extensionless imports that Node cannot load;
// "dist" is the UMD bundle the package ships for script use.
const AC = require("adaptivecards/dist/adaptivecards.js");

const TARGET_VERSION = AC.Versions.v1_5;

const ERROR_EVENTS = new Set([
  "ActionTypeNotAllowed",
  "CollectionCantBeEmpty",
  "ElementTypeNotAllowed",
  "InteractivityNotAllowed",
  "InvalidPropertyValue",
  "MissingCardType",
  "PropertyCantBeNull",
  "TooManyActions",
  "UnknownActionType",
  "UnknownElementType",
  "UnsupportedCardVersion",
  "DuplicateId",
]);

function installDom() {
  const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
  const w = dom.window;
  global.window = w;
  global.document = w.document;
  global.navigator = w.navigator;
  // The renderer refers to DOM classes (HTMLButtonElement, Node, ...) as globals, as in a browser.
  for (const name of Object.getOwnPropertyNames(w)) {
    if (/^[A-Z]/.test(name) && !(name in global)) {
      global[name] = w[name];
    }
  }
  for (const name of ["getComputedStyle", "requestAnimationFrame", "cancelAnimationFrame"]) {
    if (!(name in global) && typeof w[name] === "function") {
      global[name] = w[name].bind(w);
    }
  }
  // jsdom does not implement innerText, which the renderer uses to set text.
  if (!("innerText" in w.HTMLElement.prototype)) {
    Object.defineProperty(w.HTMLElement.prototype, "innerText", {
      get() { return this.textContent; },
      set(value) { this.textContent = value; },
      configurable: true,
    });
  }
  return w;
}

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Markdown is shown as plain (escaped) text, as a host without a markdown processor would;
// this also keeps the library from warning once per TextBlock.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text);
  result.didProcess = true;
};

// stdout carries only the JSON report; library logging goes to stderr.
console.log = (...args) => console.error(...args);

function toEvent(e) {
  return {
    phase: AC.ValidationPhase[e.phase],
    event: AC.ValidationEvent[e.event],
    message: e.message,
  };
}

function processCard(json, source) {
  const result = { source, errors: [], warnings: [], rendered: false, renderError: null, html: null };
  const events = [];

  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ supportsInteractivity: true });
  const context = new AC.SerializationContext(TARGET_VERSION);
  try {
    card.parse(json, context);
  } catch (err) {
    result.errors.push({ phase: "Parse", event: "Exception", message: String(err && err.message || err) });
    return result;
  }
  for (let i = 0; i < context.eventCount; i++) {
    events.push(toEvent(context.getEventAt(i)));
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push(toEvent(e));
  }
  for (const e of events) {
    (ERROR_EVENTS.has(e.event) ? result.errors : result.warnings).push(e);
  }

  try {
    const element = card.render();
    if (element) {
      document.body.appendChild(element);
      result.rendered = true;
      result.html = element.outerHTML;
      document.body.removeChild(element);
    }
  } catch (err) {
    result.renderError = String(err && err.message || err);
  }
  return result;
}

function readInputs(args) {
  if (args.length > 0) {
    return args.map((path) => ({ source: path, json: JSON.parse(fs.readFileSync(path, "utf8")) }));
  }
  const text = fs.readFileSync(0, "utf8");
  const parsed = JSON.parse(text);
  const cards = Array.isArray(parsed) ? parsed : [parsed];
  return cards.map((json, i) => ({ source: "#" + i, json }));
}

function main() {
  let inputs;
  try {
    inputs = readInputs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write("validate-card: cannot read input: " + (err && err.message || err) + "\n");
    process.exit(2);
  }
  installDom();
  const results = inputs.map((input) => processCard(input.json, input.source));
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
}

main();
