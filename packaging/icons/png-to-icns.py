"""Writes an Apple .icns file whose entries are PNG images (the format macOS accepts since 10.7).

usage: png-to-icns.py OUT.icns TYPE=FILE.png...   e.g. ic08=icon-256.png
An .icns file is the magic 'icns', the total length (big-endian uint32), then for each entry its
four-character type, its length including this 8-byte header, and the PNG bytes.
"""
import struct
import sys


def main(out, entries):
    body = b""
    for entry in entries:
        kind, path = entry.split("=", 1)
        if len(kind) != 4:
            raise SystemExit(f"bad icns type {kind!r}")
        with open(path, "rb") as f:
            png = f.read()
        if not png.startswith(b"\x89PNG"):
            raise SystemExit(f"{path} is not a PNG")
        body += kind.encode("ascii") + struct.pack(">I", len(png) + 8) + png
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
