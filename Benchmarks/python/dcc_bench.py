"""Reference point for dcc-benchmark: the same DCCs through a Python pipeline.

base45 (PyPI `base45`) -> zlib (stdlib) -> COSE_Sign1 verify with `cwt` (PyPI, uses
`cryptography`) -> CWT claims with cbor2 -> iat <= clock <= exp. No schema validation
(the Swift side's schema step is the branch stub at the time of measuring, see
docs/PERFORMANCE.md).

Usage: python dcc_bench.py [seconds-per-case] [fixtures-folder]
"""
import base64
import json
import os
import sys
import time
import zlib
from datetime import datetime

import base45
import cbor2
import cwt
from cryptography import x509
from cryptography.hazmat.primitives import serialization

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
FIXTURES = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "dcc")


def load(path):
    with open(os.path.join(FIXTURES, path)) as f:
        vector = json.load(f)
    ctx = vector["TESTCTX"]
    der = base64.b64decode(ctx["CERTIFICATE"])
    pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    key = cwt.load_pem_hcert_dsc(pem.decode())
    clock = datetime.fromisoformat(ctx["VALIDATIONCLOCK"].replace("Z", "+00:00")).timestamp()
    return vector["PREFIX"], key, clock


def inspect(text, key, clock, cose):
    assert text.startswith("HC1:")
    data = zlib.decompress(base45.b45decode(text[4:]))
    payload = cose.decode(data, keys=[key])  # verifies the signature
    claims = cbor2.loads(payload)
    dcc = claims[-260][1]
    assert claims[6] <= clock <= claims[4]
    assert sum(1 for g in ("v", "t", "r") if dcc.get(g) is not None) == 1
    return True


def measure(label, body):
    for _ in range(50):
        body()
    count = 0
    start = time.perf_counter()
    cpu_start = time.thread_time()
    while time.perf_counter() - start < SECONDS:
        for _ in range(20):
            body()
        count += 20
    wall = time.perf_counter() - start
    cpu = time.thread_time() - cpu_start
    rate = count / cpu
    print(f"{label:<60} {rate:8.0f} /CPU-s  {1e6 / rate:8.1f} µs CPU/op  (wall: {count / wall:8.0f} /s)")


cose = cwt.COSE.new(verify_kid=False)
print(f"python dcc_bench: {SECONDS} s per case, cwt {cwt.__version__}")
for name, path in [("ES256 (AT/1)", "AT/2DCode/raw/1.json"), ("PS256 (CH/1, RSA-2048)", "CH/2DCode/raw/1.json")]:
    text, key, clock = load(path)
    measure(f"{name} python decode+verify", lambda: inspect(text, key, clock, cose))
