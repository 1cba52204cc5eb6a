"""The numba side of the compiled-ufunc workloads (bench/_ufunc.ts).

Prints one JSON object on stdout, in the shape of numpy_workloads.py: {"numpy": version,
"numba": version, "python": version, "executable": path, "threads": numba's thread count,
"results": {id: {"ms": median, "samples": [...]}}}. Runs with Debian's python3-numba
(`/usr/bin/python3 bench/compare/numba_workloads.py [--quick] [--only swish_10m,clip_10m]`).

Workloads: swish x / (1 + exp(-x)) on 10M float64 through `@vectorize` (serial, into a new
output and into `out`, with `fastmath=True`), `target='parallel'`, the NumPy expression and
`np.frompyfunc` (of a lambda calling `math.exp`); a clip
to [-1, 1] of 10M float64 in [-2, 2) through `@vectorize`. Compilation happens before timing
(eager signatures, then the warm-up runs).
"""

import argparse
import json
import math
import platform
import sys
import time

import numba
import numpy as np

N = 10_000_000
MAX_RUNS = 1000


def uniform(n, seed):
    return np.random.default_rng(seed).uniform(-1, 1, n)


@numba.vectorize(["float64(float64)"])
def swish_serial(x):
    return x / (1.0 + np.exp(-x))


@numba.vectorize(["float64(float64)"], fastmath=True)
def swish_fastmath(x):
    return x / (1.0 + np.exp(-x))


@numba.vectorize(["float64(float64)"], target="parallel")
def swish_parallel(x):
    return x / (1.0 + np.exp(-x))


@numba.vectorize(["float64(float64)"], target="parallel", fastmath=True)
def swish_parallel_fastmath(x):
    return x / (1.0 + np.exp(-x))


@numba.vectorize(["float64(float64)"])
def clip_serial(x):
    return -1.0 if x < -1.0 else (1.0 if x > 1.0 else x)


def swish_10m():
    x = uniform(N, 1)
    return lambda: swish_serial(x)


def swish_10m_out():
    x, out = uniform(N, 1), np.empty(N)
    return lambda: swish_serial(x, out=out)


def swish_10m_fastmath():
    x = uniform(N, 1)
    return lambda: swish_fastmath(x)


def swish_10m_fastmath_out():
    x, out = uniform(N, 1), np.empty(N)
    return lambda: swish_fastmath(x, out=out)


def swish_10m_parallel():
    x = uniform(N, 1)
    return lambda: swish_parallel(x)


def swish_10m_parallel_out():
    x, out = uniform(N, 1), np.empty(N)
    return lambda: swish_parallel(x, out=out)


def swish_10m_parallel_fastmath():
    x = uniform(N, 1)
    return lambda: swish_parallel_fastmath(x)


def swish_10m_numpy():
    x = uniform(N, 1)
    return lambda: x / (1 + np.exp(-x))


def swish_10m_frompyfunc():
    x = uniform(N, 1)
    exp = math.exp  # np.exp on Python floats is 5x slower still
    f = np.frompyfunc(lambda v: v / (1 + exp(-v)), 1, 1)
    return lambda: f(x)


def clip_10m():
    x = uniform(N, 1) * 2
    return lambda: clip_serial(x)


def clip_10m_out():
    x, out = uniform(N, 1) * 2, np.empty(N)
    return lambda: clip_serial(x, out=out)


WORKLOADS = {
    "swish_10m": swish_10m,
    "swish_10m_out": swish_10m_out,
    "swish_10m_fastmath": swish_10m_fastmath,
    "swish_10m_fastmath_out": swish_10m_fastmath_out,
    "swish_10m_parallel": swish_10m_parallel,
    "swish_10m_parallel_out": swish_10m_parallel_out,
    "swish_10m_parallel_fastmath": swish_10m_parallel_fastmath,
    "swish_10m_numpy": swish_10m_numpy,
    "swish_10m_frompyfunc": swish_10m_frompyfunc,
    "clip_10m": clip_10m,
    "clip_10m_out": clip_10m_out,
}


def measure(run, warmup, runs, budget_s, min_ms=0.0, warmup_ms=0.0):
    """As numpy_workloads.py (and bench/_workload.ts `time`): warm-up, then timed runs."""
    warm, i = 0.0, 0
    while i < warmup or (warm < warmup_ms and i < MAX_RUNS):
        t0 = time.perf_counter()
        run()
        warm += (time.perf_counter() - t0) * 1000
        i += 1
    samples = []
    start = time.perf_counter()
    timed, i = 0.0, 0
    while i < runs or (timed < min_ms and i < MAX_RUNS):
        t0 = time.perf_counter()
        run()
        dt = (time.perf_counter() - t0) * 1000
        samples.append(dt)
        timed += dt
        if i >= 2 and time.perf_counter() - start > budget_s:
            break
        i += 1
    s = sorted(samples)
    m = len(s) // 2
    median = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
    return {"ms": median, "samples": samples}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    p.add_argument("--only", default="", help="comma-separated workload ids")
    p.add_argument("--probe", action="store_true", help="print the header only, run nothing")
    args = p.parse_args()
    warmup, runs, min_ms, warmup_ms = (3, 5, 0.0, 0.0) if args.quick else (3, 15, 200.0, 500.0)
    only = [w for w in args.only.split(",") if w]  # ids of other suites are ignored
    results = {}
    for wid, setup in WORKLOADS.items():
        if args.probe or (only and wid not in only):
            continue
        results[wid] = measure(setup(), warmup, runs, 10.0, min_ms, warmup_ms)
    json.dump(
        {
            "numpy": np.__version__,
            "numba": numba.__version__,
            "python": platform.python_version(),
            "executable": sys.executable,
            "threads": numba.get_num_threads(),
            "results": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
