#!/usr/bin/env node
// Durability check by hand: are events answered {"success": true} still there after a kill -9?
// Plain Node (no packages), loopback only, bounded: starts the packaged service (target/quarkus-app) on its own
// port and data folder, sends N tracks one at a time, kills the JVM with SIGKILL right after the last answer,
// starts it again on the same data and counts the lead's stored events.
//
//   ./mvnw package -DskipTests
//   node bench/ingest/kill9.js [--port 18201] [--events 300] [--work target/kill9] [-- -Dkey=value ...]
//
// Arguments after "--" go to the JVM, e.g. to try another datasource URL:
//   node bench/ingest/kill9.js -- '-Dquarkus.datasource.jdbc.url=jdbc:h2:file:./data/leadrules;MODE=PostgreSQL;...'
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const jvmExtra = dashes < 0 ? [] : argv.slice(dashes + 1);
const args = Object.fromEntries(own.reduce((acc, a, i, all) =>
  a.startsWith('--') ? acc.concat([[a.slice(2), all[i + 1]]]) : acc, []));
const port = Number(args.port || 18201);
const total = Number(args.events || 300);
const root = path.resolve(__dirname, '..', '..');
const work = path.resolve(args.work || path.join(root, 'target', 'kill9'));
const jar = path.join(root, 'target', 'quarkus-app', 'quarkus-run.jar');
const lead = 'kill9-lead';
// A production start refuses short or documented keys: a random write key per run.
const writeKey = require('crypto').randomBytes(24).toString('hex');
const auth = 'Basic ' + Buffer.from(writeKey + ':').toString('base64');

function request(method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method,
      headers: { Authorization: auth, 'Content-Type': 'application/json',
        ...(data ? { 'Content-Length': data.length } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.setTimeout(10000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function start(label) {
  const log = fs.openSync(path.join(work, `${label}.log`), 'w');
  const java = spawn('java', [`-Dquarkus.http.port=${port}`, `-Dleadrules.rules.dir=${path.join(root, 'rules')}`,
    `-Dleadrules.data.dir=${path.join(work, 'data')}`, '-Dleadrules.rules.watch=false', `-Dleadrules.ingest.write-keys=${writeKey}`,
    '-Dleadrules.mql.webhook.poll-every=off', ...jvmExtra, '-jar', jar], { cwd: work, stdio: ['ignore', log, log] });
  return java;
}

async function ready(java) {
  const deadline = Date.now() + 90000;
  while (Date.now() < deadline) {
    if (java.exitCode !== null) throw new Error('the service exited; see ' + work);
    try {
      if ((await request('GET', '/q/health/ready')).status === 200) return;
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the service did not get ready in 90 s');
}

function exited(java) {
  return java.exitCode !== null ? Promise.resolve() : new Promise((r) => java.once('exit', r));
}

async function main() {
  if (!fs.existsSync(jar)) throw new Error('build first: ./mvnw package -DskipTests');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let java = start('first');
  await ready(java);
  let acknowledged = 0;
  const t0 = Date.now();
  for (let i = 0; i < total; i++) {
    const res = await request('POST', '/v1/track', { userId: lead, messageId: `kill9-${i}`, event: 'Email Opened',
      timestamp: new Date(t0 - (total - i) * 1000).toISOString() });
    if (res.status !== 200) throw new Error(`event ${i}: ${res.status} ${res.body}`);
    acknowledged++;
  }
  java.kill('SIGKILL');
  const sentMs = Date.now() - t0;
  await exited(java);
  java = start('second');
  await ready(java);
  const view = await request('GET', `/leads/${lead}`);
  const events = view.status === 200 ? JSON.parse(view.body).events.length : 0;
  const history = await request('GET', `/leads/${lead}/history`);
  const decisions = history.status === 200 ? JSON.parse(history.body).length : 0;
  java.kill('SIGTERM');
  await exited(java);
  console.log(`acknowledged ${acknowledged} events in ${sentMs} ms, then kill -9 at once; after restart: `
    + `${events} events and ${decisions} decisions stored (${acknowledged - events} acknowledged events lost)`);
  process.exitCode = events === acknowledged ? 0 : 1;
}

main().catch((e) => { console.error(e.message); process.exitCode = 2; });
