#!/usr/bin/env python3
import http.client, json, sys, time, uuid
# Sequential invites for N seconds against host:port; per half second: count, p50, max (ms), non-200 statuses.
host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
start = time.time(); buckets = {}
conn = http.client.HTTPConnection(host, port, timeout=10)
while time.time() - start < seconds:
    body = json.dumps({"email": f"probe-{uuid.uuid4().hex[:12]}@bench.test"})
    t0 = time.time()
    try:
        conn.request("POST", "/customers/invitations", body, {"Content-Type": "application/json"})
        r = conn.getresponse(); r.read(); status = r.status
    except Exception as e:
        status = 0; conn = http.client.HTTPConnection(host, port, timeout=10)
    ms = (time.time() - t0) * 1000
    b = int((t0 - start) * 2) / 2
    buckets.setdefault(b, []).append((ms, status))
for b in sorted(buckets):
    xs = sorted(m for m, s in buckets[b]); bad = [s for m, s in buckets[b] if s != 200]
    print(f"t+{b:4.1f}s  n={len(xs):3d}  p50={xs[len(xs)//2]:6.1f} ms  max={xs[-1]:7.1f} ms  non-200={bad[:3]}")
