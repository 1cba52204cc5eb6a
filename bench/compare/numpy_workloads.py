"""The NumPy side of `deno task bench:compare`: the same workloads as bench/_*.ts.

Prints one JSON object on stdout: {"numpy": version, "python": version, "blas": ...,
"results": {id: {"ms": median, "samples": [...]}}}. Run by bench/compare/compare.ts;
`python3 bench/compare/numpy_workloads.py --quick` runs it alone.
"""

import argparse
import json
import platform
import sys
import time

import numpy as np

N = 10_000_000
R = 1000
M = 3000
T = 4096
B = 2000
K = 1_000_000
VIEWS = 1000


def uniform(n, seed, dtype=np.float64):
    return np.random.default_rng(seed).uniform(-1, 1, n).astype(dtype)


def add_out():
    a, b, out = uniform(N, 1), uniform(N, 2), np.empty(N)
    return lambda: np.add(a, b, out=out)


def add_new():
    a, b = uniform(N, 1), uniform(N, 2)
    return lambda: a + b


def exp():
    a = uniform(N, 1)
    return lambda: np.exp(a)


def mul_bcast():
    x, row = uniform(B * B, 1).reshape(B, B), uniform(B, 2)
    return lambda: x * row


def add_mixed():
    a, b = uniform(N, 1, np.float32), uniform(N, 2)
    return lambda: a + b


def sum_():
    a = uniform(N, 1)
    return lambda: a.sum()


def sum_axis(axis):
    def setup():
        a = uniform(M * M, 4).reshape(M, M)
        return lambda: a.sum(axis=axis)

    return setup


def batch():
    return uniform(32 * 3 * 64 * 64, 3).reshape(32, 3, 64, 64)


def mean_23():
    x = batch()
    return lambda: x.mean(axis=(2, 3), keepdims=True)


def normalize():
    x = batch()
    return lambda: x - x.mean(axis=(2, 3), keepdims=True)


def transpose_copy():
    a = uniform(T * T, 5).reshape(T, T)
    return lambda: a.T.copy()


def copy_contig():
    a = uniform(N, 1)
    return lambda: a.copy()


def astype_f32():
    a = uniform(N, 1)
    return lambda: a.astype(np.float32)


def slice_view():
    a = uniform(M * M, 4).reshape(M, M)

    def run():
        v = None
        for _ in range(VIEWS):
            v = a[1:-1, ::2]
        return v

    return run


def slice_copy():
    a = uniform(T * T, 5).reshape(T, T)
    return lambda: a[::2, ::2].copy()


def take():
    a = uniform(N, 1)
    idx = np.floor((uniform(K, 7) + 1) / 2 * N).astype(np.int64)
    return lambda: a[idx]


def mask():
    a = uniform(N, 1)
    m = a > 0
    return lambda: a[m]


def set_strided():
    a = uniform(N, 1)

    def run():
        a[::2] = 0

    return run


WORKLOADS = {
    "add_out": add_out,
    "add_new": add_new,
    "exp": exp,
    "mul_bcast": mul_bcast,
    "add_mixed": add_mixed,
    "sum": sum_,
    "sum_axis0": sum_axis(0),
    "sum_axis1": sum_axis(1),
    "mean_23": mean_23,
    "normalize": normalize,
    "transpose_copy": transpose_copy,
    "copy_contig": copy_contig,
    "astype_f32": astype_f32,
    "slice_view": slice_view,
    "slice_copy": slice_copy,
    "take": take,
    "mask": mask,
    "set_strided": set_strided,
}


def measure(run, warmup, runs, budget_s):
    for _ in range(warmup):
        run()
    samples = []
    start = time.perf_counter()
    for i in range(runs):
        t0 = time.perf_counter()
        run()
        samples.append((time.perf_counter() - t0) * 1000)
        if i >= 2 and time.perf_counter() - start > budget_s:
            break
    s = sorted(samples)
    m = len(s) // 2
    median = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
    return {"ms": median, "samples": samples}


def blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception as e:  # older NumPy: no dict mode
        return f"unknown ({type(e).__name__})"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    p.add_argument("--only", default="", help="comma-separated workload ids")
    args = p.parse_args()
    warmup, runs = (3, 5) if args.quick else (3, 15)
    only = [w for w in args.only.split(",") if w]
    results = {}
    for wid, setup in WORKLOADS.items():
        if only and wid not in only:
            continue
        results[wid] = measure(setup(), warmup, runs, 10.0)
    json.dump(
        {
            "numpy": np.__version__,
            "python": platform.python_version(),
            "executable": sys.executable,
            "blas": blas_info(),
            "results": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
