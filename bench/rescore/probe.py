"""Latency probe for the rescoring benchmark: one request at a time, alternating POST /score and POST /v1/track
(on a random benchmark lead, so ingestion contends with the pass for lead locks), a pause between requests. Each
line of the output: phase (read from the phase file before each request), kind, HTTP status, milliseconds."""
import argparse
import http.client
import json
import random
import time
from base64 import b64encode
from datetime import datetime, timezone

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--key", required=True)
p.add_argument("--write-key", required=True)
p.add_argument("--leads", type=int, required=True)
p.add_argument("--phase-file", required=True)
p.add_argument("--out", required=True)
p.add_argument("--pause", type=float, default=0.05)
a = p.parse_args()

score_body = json.dumps({"lead": {"id": "probe", "email": "maya@brandco.com", "jobTitle": "Director of E-commerce",
                                  "industry": "Apparel", "employees": 220, "gmv": 25000000, "country": "US"},
                         "events": [{"type": "Pricing Page Viewed", "timestamp": "2026-11-20T10:00:00Z"},
                                    {"type": "Demo Attended", "timestamp": "2026-11-21T15:00:00Z"}]})
basic = "Basic " + b64encode((a.write_key + ":").encode()).decode()
conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
n = 0
with open(a.out, "a", buffering=1) as out:
    while True:
        with open(a.phase_file) as f:
            phase = f.read().strip()
        if phase == "stop":
            break
        if n % 2 == 0:
            path, body, headers = "/score", score_body, {"Authorization": "Bearer " + a.key}
            kind = "score"
        else:
            lead = "rs-%07d" % random.randint(1, a.leads)
            now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            body = json.dumps({"userId": lead, "messageId": "probe-%d-%d" % (time.time_ns(), n),
                               "event": "Email Opened", "timestamp": now})
            path, headers, kind = "/v1/track", {"Authorization": basic}, "track"
        headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        try:
            conn.request("POST", path, body, headers)
            r = conn.getresponse()
            r.read()
            status = r.status
        except Exception:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
            status = 0
        ms = (time.perf_counter() - start) * 1000
        out.write("%s %s %d %.2f\n" % (phase, kind, status, ms))
        n += 1
        time.sleep(a.pause)
