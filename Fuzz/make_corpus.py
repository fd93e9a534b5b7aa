"""Writes libFuzzer seed corpora from the DCC test vectors in Tests/Fixtures/dcc.

Usage: python3 Fuzz/make_corpus.py OUTPUT_FOLDER
"""
import glob
import hashlib
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "dcc")
out = sys.argv[1]
for kind in ("base45", "cbor", "cose"):
    os.makedirs(os.path.join(out, kind), exist_ok=True)


def put(kind, data):
    if data:
        with open(os.path.join(out, kind, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)


def hex_field(vector, key):
    try:
        return bytes.fromhex(vector[key])
    except (KeyError, TypeError, ValueError):
        return None


for path in glob.glob(os.path.join(root, "**", "*.json"), recursive=True):
    with open(path) as f:
        vector = json.load(f)
    if isinstance(vector.get("BASE45"), str):
        put("base45", vector["BASE45"].encode())
    put("cbor", hex_field(vector, "CBOR"))
    put("cbor", hex_field(vector, "COSE"))
    put("cose", hex_field(vector, "COSE"))
    put("cose", hex_field(vector, "COMPRESSED"))
for kind in ("base45", "cbor", "cose"):
    print(kind, len(os.listdir(os.path.join(out, kind))))
