"""Rewrites each jar given with its entries stored instead of deflated, same names, same order.

usage: store-jars.py JAR...
The installers compress the whole application image; deflated entries inside jars defeat that.
"""
import os
import sys
import zipfile


def store(path):
    tmp = path + ".stored"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            copy.compress_type = zipfile.ZIP_STORED
            dst.writestr(copy, src.read(info))
    os.replace(tmp, path)


if __name__ == "__main__":
    for jar in sys.argv[1:]:
        store(jar)
