#!/usr/bin/env python3
"""An independent tlog-cosignature/v1 (Ed25519) implementation, written from the C2SP text
(c2sp.org/tlog-cosignature) and SPEC §12 alone, to check JHF Ledger's against.

  cosignature_reference.py sign SEED_HEX NAME TIMESTAMP NOTE_TEXT_FILE
      prints the signature line '— NAME base64(key_id || timestamp || signature)'
  cosignature_reference.py verify PUBLIC_KEY_HEX NAME NOTE_FILE
      prints the timestamp of NAME's valid cosignature line in the note; exits 1 if none

Uses the 'cryptography' package (pip install cryptography).
"""
import base64
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def key_id(name: bytes, public_key: bytes) -> bytes:
    # SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]
    return hashlib.sha256(name + b"\n" + b"\x04" + public_key).digest()[:4]


def message(text: bytes, timestamp: int) -> bytes:
    return b"cosignature/v1\n" + b"time " + str(timestamp).encode() + b"\n" + text


def sign(seed: bytes, name: bytes, timestamp: int, text: bytes) -> bytes:
    assert 0 <= timestamp <= 2**63 - 1
    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = private.public_key().public_bytes_raw()
    signature = private.sign(message(text, timestamp))
    blob = key_id(name, public) + struct.pack(">Q", timestamp) + signature
    return "— ".encode() + name + b" " + base64.b64encode(blob) + b"\n"


def verify(public: bytes, name: bytes, note: bytes):
    text, _, block = note.rpartition(b"\n\n")
    text += b"\n"
    for line in block.split(b"\n"):
        prefix = "— ".encode() + name + b" "
        if not line.startswith(prefix):
            continue
        blob = base64.b64decode(line[len(prefix):], validate=True)
        if blob[:4] != key_id(name, public) or len(blob) != 4 + 8 + 64:
            continue
        (timestamp,) = struct.unpack(">Q", blob[4:12])
        if timestamp > 2**63 - 1:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(blob[12:], message(text, timestamp))
            return timestamp
        except InvalidSignature:
            return None
    return None


if __name__ == "__main__":
    if sys.argv[1] == "sign":
        seed, name, ts, path = bytes.fromhex(sys.argv[2]), sys.argv[3].encode(), int(sys.argv[4]), sys.argv[5]
        sys.stdout.buffer.write(sign(seed, name, ts, open(path, "rb").read()))
    elif sys.argv[1] == "verify":
        public, name, path = bytes.fromhex(sys.argv[2]), sys.argv[3].encode(), sys.argv[4]
        t = verify(public, name, open(path, "rb").read())
        if t is None:
            sys.exit(1)
        print(t)
    else:
        sys.exit("usage: cosignature_reference.py sign|verify ...")
