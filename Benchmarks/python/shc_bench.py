"""Reference point for shc-benchmark: the same SMART Health Cards through a Python pipeline.

shc:/ numeric -> compact JWS -> ES256 verify with `jwcrypto` (PyPI, on `cryptography`) against
the key found by kid in the JWKS of the card's iss -> raw DEFLATE (stdlib zlib, wbits -15) ->
JSON -> vc.type / FHIR bundle / nbf / exp checks and the Patient's name. No revocation list
(the Swift side consults it only for cards with a rid; these have none).

Usage: python shc_bench.py [seconds-per-case] [credentials-world folder]
"""
import json
import os
import sys
import time
import zlib
from datetime import datetime

from jwcrypto import jwk, jws

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
ROOT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "credentials-world")


def load_issuers():
    issuers = {}
    base = os.path.join(ROOT, "trust", "shc")
    for folder, _, files in os.walk(base):
        if folder.endswith(".well-known") and "jwks.json" in files:
            iss = "https://" + os.path.relpath(os.path.dirname(folder), base)
            keys = json.load(open(os.path.join(folder, "jwks.json")))["keys"]
            issuers[iss] = {k["kid"]: jwk.JWK(**k) for k in keys if k.get("kty") == "EC"}
    return issuers


def numeric(codes):
    parts = []
    for code in sorted(codes, key=lambda c: int(c[5:].split("/")[0]) if c.count("/") > 2 else 1):
        body = code[5:]
        if body.count("/") == 2:
            body = body.split("/")[2]
        parts.append("".join(chr(int(body[i:i + 2]) + 45) for i in range(0, len(body), 2)))
    return "".join(parts)


def verify(codes, issuers, at):
    token = numeric(codes)
    header_b64, payload_b64, _ = token.split(".")
    compact = jws.JWS()
    compact.deserialize(token)
    header = compact.jose_header
    raw = zlib.decompress(compact.objects["payload"], -15) if header.get("zip") == "DEF" else None
    payload = json.loads(raw)
    key = issuers[payload["iss"]][header["kid"]]
    compact.verify(key, alg="ES256")
    vc = payload["vc"]
    assert "https://smarthealth.cards#health-card" in vc["type"]
    bundle = vc["credentialSubject"]["fhirBundle"]
    assert bundle["resourceType"] == "Bundle"
    assert payload["nbf"] <= at and ("exp" not in payload or at < payload["exp"])
    patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    return patient["name"][0]["family"]


def measure(label, body):
    for _ in range(200):
        body()
    count = 0
    start = time.perf_counter()
    cpu_start = time.thread_time()
    while time.perf_counter() - start < SECONDS:
        for _ in range(100):
            body()
        count += 100
    wall = time.perf_counter() - start
    cpu = time.thread_time() - cpu_start
    print(f"{label:<44} {count / cpu:8.0f} /CPU-s  {1e6 * cpu / count:6.1f} µs CPU/op  (wall: {count / wall:8.0f} /s)")


issuers = load_issuers()
print(f"shc_bench.py: {SECONDS} s per case, one thread (jwcrypto)")
for name in ["shc-gen-valid-vax", "shc-real-walgreens-lab", "shc-gen-valid-multi-chunk"]:
    vector = json.load(open(os.path.join(ROOT, "shc", name + ".json")))
    codes = vector["qr"] if isinstance(vector["qr"], list) else [vector["qr"]]
    at = datetime.fromisoformat(vector["at"].replace("Z", "+00:00")).timestamp()
    verify(codes, issuers, at)
    measure(f"{name} full verify", lambda: verify(codes, issuers, at))
