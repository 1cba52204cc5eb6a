"""NumPy counterpart of bench/out_of_core.ts: the same file written through
np.lib.format.open_memmap in chunks, then per-column mean and std read back through
np.load(mmap_mode="r") in chunks, with scratch arrays reused through out=. Prints both times
and the process's peak RSS (VmHWM).

    /usr/bin/time -v python3 bench/compare/out_of_core.py [--gib 2] [--cols 16] [--chunk-mib 4]
"""
import argparse
import math
import os
import re
import tempfile
import time

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--gib", type=float, default=2)
p.add_argument("--cols", type=int, default=16)
p.add_argument("--chunk-mib", type=float, default=4)
p.add_argument("--dir", default=tempfile.gettempdir())
a = p.parse_args()
cols = a.cols
rows = int(a.gib * 2**30 // (8 * cols))
chunk = max(1, int(a.chunk_mib * 2**20 // (8 * cols)))
path = os.path.join(a.dir, f"np_out_of_core_{os.getpid()}.npy")
shift = np.arange(cols, dtype=np.float64)
scratch = np.empty((chunk, cols))
try:
    t = time.perf_counter()
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(rows, cols))
    for s in range(0, rows, chunk):
        c = out[s:s + chunk]
        k = c.shape[0]
        tmp = scratch[:k]
        r = (np.arange(s, s + k, dtype=np.float64) / 1000).reshape(-1, 1)
        np.add(r, shift, out=tmp)
        np.sin(tmp, out=tmp)
        np.add(tmp, shift, out=c)
    out.flush()
    del out
    write_s = time.perf_counter() - t
    t = time.perf_counter()
    m = np.load(path, mmap_mode="r")
    n, mean, m2 = 0, np.zeros(cols), np.zeros(cols)
    for s in range(0, rows, chunk):
        c = m[s:s + chunk]
        k = c.shape[0]
        cm = c.mean(axis=0)
        dev = scratch[:k]
        np.subtract(c, cm, out=dev)
        np.square(dev, out=dev)
        cm2 = dev.sum(axis=0)
        delta = cm - mean
        tot = n + k
        mean = mean + delta * (k / tot)
        m2 = m2 + cm2 + delta * delta * (n * k / tot)
        n = tot
    std = np.sqrt(m2 / n)
    del m
    read_s = time.perf_counter() - t
    hwm = int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read()).group(1)) / 1024
    print(f"NumPy {np.__version__}: {rows:,} x {cols} float64 = {rows * cols * 8 / 2**30:.2f} GiB")
    print(f"write through open_memmap: {write_s:.2f} s")
    print(f"per-column mean and std through np.load(mmap_mode='r'): {read_s:.2f} s")
    print(f"mean[:3] {mean[:3]}, std[:3] {std[:3]}")
    print(f"peak RSS of this process (VmHWM): {hwm:.0f} MiB")
finally:
    if os.path.exists(path):
        os.remove(path)
