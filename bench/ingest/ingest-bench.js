#!/usr/bin/env node
// Load script for Segment ingestion with rescoring, against a Leadrules already running on this machine.
// Plain Node (no packages): keep-alive HTTP, bounded loops, loopback only.
//
//   node bench/ingest/ingest-bench.js [--url http://127.0.0.1:8080] [--key dev-write-key]
//        [--batches 200] [--batch-size 100] [--leads-per-batch 20] [--concurrency 4] [--latency-samples 500]
//
// 1. Throughput: POST /v1/batch (identify + track events spread over several leads per batch; each event
//    rescores its lead and stores a decision), `concurrency` requests in flight; reports events/s.
// 2. Event-to-new-score latency: POST /v1/track for one existing lead, one at a time. The service answers only
//    after the event is stored AND the lead rescored (decision committed), so the response time is the time to a
//    new score; every 50th sample also checks the decision is visible in GET /leads/{id}/history.
'use strict';
const http = require('http');
const { randomUUID } = require('crypto');

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  a.startsWith('--') ? acc.concat([[a.slice(2), all[i + 1]]]) : acc, []));
const url = new URL(args.url || 'http://127.0.0.1:8080');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error('This benchmark only targets a service on this machine (127.0.0.1/localhost).');
  process.exit(2);
}
const key = args.key || 'dev-write-key';
const batches = Number(args.batches || 200);
const batchSize = Number(args['batch-size'] || 100);
const leadsPerBatch = Number(args['leads-per-batch'] || 20);
const concurrency = Number(args.concurrency || 4);
const latencySamples = Number(args['latency-samples'] || 500);
const run = randomUUID().slice(0, 8);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const auth = 'Basic ' + Buffer.from(key + ':').toString('base64');
const EVENTS = ['Product Viewed', 'Email Opened', 'Pricing Page Viewed', 'Webinar Attended', 'Blog Post Read'];

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: url.hostname, port: url.port, path, method, agent,
      headers: { Authorization: auth, 'Content-Type': 'application/json', ...(data ? { 'Content-Length': data.length } : {}) } },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function batchBody(n) {
  const now = Date.now();
  const batch = [];
  for (let i = 0; i < batchSize; i++) {
    const lead = `bench-${run}-${n}-${i % leadsPerBatch}`;
    const ts = new Date(now - (batchSize - i) * 1000).toISOString();
    batch.push(i < leadsPerBatch
      ? { type: 'identify', userId: lead, messageId: `${lead}-${i}`, timestamp: ts,
          traits: { email: `${lead}@brand.example`, title: 'Head of Growth', industry: 'Apparel', employees: 120 } }
      : { type: 'track', userId: lead, messageId: `${lead}-${i}`, timestamp: ts,
          event: EVENTS[i % EVENTS.length], properties: { i } });
  }
  return { batch };
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

async function throughput() {
  let next = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    while (next < batches) {
      const n = next++;
      const res = await request('POST', '/v1/batch', batchBody(n));
      if (res.status !== 200) throw new Error(`batch ${n}: HTTP ${res.status} ${res.body}`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = batches * batchSize;
  console.log(`throughput: ${events} events in ${batches} batches of ${batchSize} (${leadsPerBatch} leads each),`
    + ` concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${Math.round(events / seconds)} events/s`);
}

async function latency() {
  const lead = `bench-${run}-latency`;
  const times = [];
  for (let i = 0; i < latencySamples; i++) {
    const messageId = `${lead}-${i}`;
    const t0 = process.hrtime.bigint();
    const res = await request('POST', '/v1/track', { userId: lead, messageId, event: EVENTS[i % EVENTS.length],
      timestamp: new Date().toISOString() });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 200) throw new Error(`track ${i}: HTTP ${res.status} ${res.body}`);
    if (i % 50 === 0) {
      const history = JSON.parse((await request('GET', `/leads/${encodeURIComponent(lead)}/history`)).body);
      if (history[history.length - 1].cause.eventId !== messageId) throw new Error(`no decision for ${messageId}`);
    }
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`event-to-new-score latency (POST /v1/track, ${latencySamples} sequential, lead history growing to`
    + ` ${latencySamples} events): p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms,`
    + ` max ${times[times.length - 1].toFixed(1)} ms`);
}

(async () => {
  // Warm-up: JIT and connection pool, not counted.
  for (let i = 0; i < 20; i++) await request('POST', '/v1/batch', batchBody(-1 - i));
  await throughput();
  await latency();
  agent.destroy();
})().catch((e) => { console.error(e.message); process.exit(1); });
