#!/usr/bin/env python3
"""A webhook receiver for the two-replica check: counts deliveries per transition (by the payload's transitionId and
the X-Leadrules-Delivery header), optionally slow (--delay seconds per delivery), and dumps its counts as JSON on
GET /counts. Loopback only."""
import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()


def handler(delay):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
            payload = json.loads(body)
            key = str(payload.get('transitionId'))
            with lock:
                entry = counts.setdefault(key, {'deliveries': 0, 'leadId': payload.get('leadId'),
                                                'direction': payload.get('direction'),
                                                'ids': []})
                entry['deliveries'] += 1
                entry['ids'].append(self.headers.get('X-Leadrules-Delivery'))
            time.sleep(delay)
            self.send_response(204)
            self.end_headers()

        def do_GET(self):
            with lock:
                data = json.dumps(counts).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass
    return Handler


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, default=18390)
    parser.add_argument('--delay', type=float, default=0.25)
    args = parser.parse_args()
    ThreadingHTTPServer(('127.0.0.1', args.port), handler(args.delay)).serve_forever()
