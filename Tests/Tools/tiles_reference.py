#!/usr/bin/env python3
"""An independent tlog-tiles builder, written from c2sp.org/tlog-tiles and SPEC §7 and §11
alone, to check JHF Ledger's publisher against byte for byte.

  tiles_reference.py ENTRIES.jsonl OUT_DIR

Writes every hash tile tile/<L>/<N>[.p/<W>] and entry bundle tile/entries/<N>[.p/<W>] of the
tree over the lines of ENTRIES.jsonl (each line is JCS(entry); the leaf hash is its
entry_hash, SHA-256(0x00 || line)).
"""
import hashlib
import os
import sys

WIDTH = 256


def leaf(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def index_path(n: int) -> str:
    # "x001/x234/067": three-digit elements, all but the last prefixed with x.
    digits = f"{n:03d}"
    while len(digits) % 3:
        digits = "0" + digits
    parts = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    return "/".join(["x" + p for p in parts[:-1]] + [parts[-1]])


def tile_path(level, n: int, width: int) -> str:
    base = f"tile/{level}/{index_path(n)}"
    return base if width == WIDTH else f"{base}.p/{width}"


def subtree_root(hashes):
    while len(hashes) > 1:
        hashes = [node(hashes[i], hashes[i + 1]) for i in range(0, len(hashes), 2)]
    return hashes[0]


def write(out: str, path: str, data: bytes):
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def main(entries_path: str, out: str):
    with open(entries_path, "rb") as f:
        lines = f.read().split(b"\n")
    assert lines[-1] == b"", "entries.jsonl must end with a newline"
    lines = lines[:-1]
    # Entry bundles: each entry prefixed by its length, big-endian uint16.
    for n in range(0, len(lines), WIDTH):
        chunk = lines[n:n + WIDTH]
        write(out, tile_path("entries", n // WIDTH, len(chunk)), b"".join(len(e).to_bytes(2, "big") + e for e in chunk))
    # Hash tiles: level 0 holds the entry hashes; each full tile's root is the next level's hash.
    level, hashes = 0, [leaf(e) for e in lines]
    while hashes:
        for n in range(0, len(hashes), WIDTH):
            chunk = hashes[n:n + WIDTH]
            write(out, tile_path(level, n // WIDTH, len(chunk)), b"".join(chunk))
        full = len(hashes) // WIDTH
        hashes = [subtree_root(hashes[i * WIDTH:(i + 1) * WIDTH]) for i in range(full)]
        level += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
