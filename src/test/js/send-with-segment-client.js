// Sends an identify and a track with the official Segment Node client (@segment/analytics-node), pointed at a
// running Leadrules with the `host` option. Usage: node send-with-segment-client.js <baseUrl> <writeKey> <userId>
// Exits 0 once the client has flushed every message and the server accepted them, 1 otherwise.
const { Analytics } = require('@segment/analytics-node');

const [baseUrl, writeKey, userId] = process.argv.slice(2);
if (!baseUrl || !writeKey || !userId) {
  console.error('usage: node send-with-segment-client.js <baseUrl> <writeKey> <userId>');
  process.exit(2);
}

const analytics = new Analytics({ writeKey, host: baseUrl, maxRetries: 3, flushInterval: 100 });
let failed = false;
analytics.on('error', (err) => {
  failed = true;
  console.error('segment client error:', err && (err.reason || err.message || err));
});

analytics.identify({
  userId,
  traits: { email: 'lee@brandco.com', title: 'CMO', industry: 'Beauty', employees: 120, country: 'US' },
});
analytics.track({ userId, event: 'Demo Requested', properties: { form: 'contact-sales' } });

analytics.closeAndFlush({ timeout: 10000 }).then(() => {
  process.exit(failed ? 1 : 0);
});
