#!/usr/bin/env node
// A stand-in for the Bot Framework token issuer, for the webhook benchmark only (node built-ins, no packages).
//
//   node local_issuer.js --app-id GUID --service-url URL [--hours 6] [--port 0] [--key-out FILE]
//
// --key-out writes the private key (PKCS#8 PEM, mode 600) so that `ChatEscalation.Bench.FullPath sign --kind teams-*` can pre-sign
// one unique token per request for the first-time Teams targets (wrk's Lua has no crypto).
//
// Makes an RSA-2048 key and serves, on 127.0.0.1:
//   GET  /v1/.well-known/openidconfiguration  issuer https://api.botframework.com, jwks_uri, RS256
//   GET  /v1/.well-known/keys                 JWKS; the key carries "endorsements": ["msteams"]
//   POST /bench/oauth2/v2.0/token             client-credentials answer (an Entra v2 endpoint shape: MSAL takes the authority before /oauth2), so the bot's outbound token
//                                             requests stay on loopback
// Once listening it prints three KEY=value lines and keeps serving until SIGTERM/SIGINT:
//   ISSUER_METADATA_URL=...   value for Teams:OpenIdMetadataUrl
//   ISSUER_TOKEN_ENDPOINT=... value for Teams:TokenEndpoint
//   TEAMS_AUTHORIZATION=Bearer <RS256 token>  iss https://api.botframework.com, aud = app id,
//                             serviceurl = --service-url, nbf/iat now, exp now + --hours
// The claims are the ones bot/Teams/BotFrameworkTokenValidator.cs checks (the same as the tests'
// LocalBotFrameworkIssuer).
'use strict';
const crypto = require('node:crypto');
const http = require('node:http');

function parseArgs(argv) {
  const args = { hours: '6', port: '0', 'key-out': '' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!['app-id', 'service-url', 'hours', 'port', 'key-out'].includes(name) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete argument: ${argv[i]}`);
    }
    args[name] = argv[i + 1];
  }
  if (!args['app-id'] || !args['service-url']) throw new Error('--app-id and --service-url are required');
  return args;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`local_issuer.js: ${e.message}\nusage: node local_issuer.js --app-id GUID --service-url URL [--hours 6] [--port 0] [--key-out FILE]`);
  process.exit(2);
}

const issuer = 'https://api.botframework.com';
const kid = 'bench-key-1';
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' });
if (args['key-out']) {
  require('node:fs').writeFileSync(args['key-out'], privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
}

const b64url = (data) => Buffer.from(data).toString('base64url');

function mintToken() {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid };
  const payload = {
    iss: issuer,
    aud: args['app-id'],
    appid: args['app-id'],
    ver: '1.0',
    serviceurl: args['service-url'],
    nbf: now,
    iat: now,
    exp: now + Math.round(Number(args.hours) * 3600),
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = crypto.sign('sha256', Buffer.from(signingInput), privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const base = `http://127.0.0.1:${server.address().port}`;
  req.resume(); // the token request's form body is not needed
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/v1/.well-known/openidconfiguration') {
      sendJson(res, 200, {
        issuer,
        authorization_endpoint: `${base}/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    } else if (req.method === 'GET' && req.url === '/v1/.well-known/keys') {
      sendJson(res, 200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    } else if (req.method === 'POST' && req.url.split('?')[0] === '/bench/oauth2/v2.0/token') {
      sendJson(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bench-connector-token' });
    } else {
      sendJson(res, 404, { error: 'not found' });
    }
  });
});

server.listen(Number(args.port), '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(
    `ISSUER_METADATA_URL=${base}/v1/.well-known/openidconfiguration\n` +
    `ISSUER_TOKEN_ENDPOINT=${base}/bench/oauth2/v2.0/token\n` +
    `TEAMS_AUTHORIZATION=Bearer ${mintToken()}\n`);
});
server.on('error', (err) => {
  console.error(`local_issuer.js: ${err.message}`);
  process.exit(1);
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref(); // keep-alive connections do not hold it open
  });
}
