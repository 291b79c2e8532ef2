#!/usr/bin/env python3
"""Writes binary junk for limits/junk-bitcode.test (deterministic):
  junk.py random OUT         4 KiB of random bytes
  junk.py magic OUT          the bitcode magic, then random bytes
  junk.py truncate IN OUT    the first half of a real bitcode file
  junk.py flip IN OUT        a real bitcode file with every 97th byte changed"""
import random
import sys

random.seed(20240607)
mode, args = sys.argv[1], sys.argv[2:]
if mode == "random":
    data = bytes(random.getrandbits(8) for _ in range(4096))
elif mode == "magic":
    data = b"BC\xc0\xde" + bytes(random.getrandbits(8) for _ in range(4092))
else:
    data = open(args.pop(0), "rb").read()
    if mode == "truncate":
        data = data[: len(data) // 2]
    else:
        data = bytes(b ^ 0x5A if i % 97 == 96 else b for i, b in enumerate(data))
open(args[0], "wb").write(data)
