"""Peer of Benchmarks/WorldBenchmark: DIVOC verification with pyld (URDNA2015) and cryptography,
on the same vectors and contexts, per CPU-second of the measuring thread.

    python3 -m venv /tmp/divocbench-venv && /tmp/divocbench-venv/bin/pip install pyld cryptography
    /tmp/divocbench-venv/bin/python Benchmarks/python/divoc_bench.py 5
"""
import base64, hashlib, io, json, os, sys, time, zipfile

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pyld import jsonld

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures", "credentials-world")
CONTEXTS = os.path.join(ROOT, "trust", "divoc", "contexts")
INDEX = json.load(open(os.path.join(CONTEXTS, "index.json")))
DOCUMENTS = {url: json.load(open(os.path.join(CONTEXTS, name))) for url, name in INDEX.items()}


def loader(url, options=None):
    if url not in DOCUMENTS:
        raise ValueError("context not shipped: " + url)
    return {"contextUrl": None, "documentUrl": url, "document": DOCUMENTS[url]}


jsonld.set_document_loader(loader)


def canonical(document):
    return jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads", "base": None})


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def inspect(qr, keys):
    credential = json.loads(zipfile.ZipFile(io.BytesIO(base64.b64decode(qr[4:]))).read("certificate.json"))
    proof = credential.pop("proof")
    options = {k: v for k, v in proof.items() if k not in ("jws", "signatureValue", "proofValue")}
    options["@context"] = "https://w3id.org/security/v2"
    header, _, signature = proof["jws"].split(".")
    data = header.encode() + b"." + hashlib.sha256(canonical(options).encode()).digest() + hashlib.sha256(canonical(credential).encode()).digest()
    key = keys[proof["verificationMethod"].replace(":", "_")]
    if isinstance(key, rsa.RSAPublicKey):
        key.verify(b64url(signature), data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    else:
        key.verify(b64url(signature), data)
    return True


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3
    keys = {}
    for name in os.listdir(os.path.join(ROOT, "trust", "divoc")):
        if name.startswith("did_") and name.endswith(".pem"):
            keys[name[:-4]] = serialization.load_pem_public_key(open(os.path.join(ROOT, "trust", "divoc", name), "rb").read())
    print("divoc_bench.py: %.1f s per case, one thread" % seconds)
    for label, path in [("DIVOC India (RSA-2048 PS256) full inspect", "divoc-real-india-rsa.json"),
                        ("DIVOC Indonesia (Ed25519) full inspect", "divoc-real-indonesia-ed25519.json")]:
        qr = json.load(open(os.path.join(ROOT, "divoc", path)))["qr"]
        for _ in range(5):
            inspect(qr, keys)
        count, wall0, cpu0 = 0, time.monotonic(), time.thread_time()
        while time.monotonic() - wall0 < seconds:
            inspect(qr, keys)
            count += 1
        cpu, wall = time.thread_time() - cpu0, time.monotonic() - wall0
        print("%-52s %8.0f /CPU-s  %8.1f µs CPU/op  (wall: %.0f /s)" % (label, count / cpu, 1e6 * cpu / count, count / wall))


main()
