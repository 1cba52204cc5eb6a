"""The scikit-learn side of the preprocessing workloads (bench/_ml.ts).

Prints one JSON object on stdout, in the shape of numpy_workloads.py: {"sklearn": version,
"numpy": version, "python": version, "executable": path, "blas": ..., "blas_files": [...],
"blas_threads": n or null, "results": {id: {"ms": median, "samples": [...]}}}. Runs with
Debian's python3-sklearn (`/usr/bin/python3 bench/compare/sklearn_workloads.py [--quick]
[--only standard_scaler_1m,pca_10k]`; ids of other suites in --only are ignored; `--list`
prints the ids and exits).

Workloads: StandardScaler().fit_transform and MinMaxScaler().fit_transform of 1,000,000 × 20
float64, PCA(n_components=10, random_state=0).fit of 10,000 × 100 float64 (scikit-learn's
"auto" solver picks the randomized one there). Inputs are uniform in [-1, 1) as in
numpy_workloads.py (bench/_data.ts draws the nd side's from its own generator: same sizes and
distribution, not the same values).
"""

import argparse
import json
import os
import platform
import sys

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.preprocessing import MinMaxScaler, StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_workloads import blas_files, blas_info, blas_threads, measure, uniform  # noqa: E402

ROWS, FEATURES = 1_000_000, 20
PCA_ROWS, PCA_FEATURES = 10_000, 100


def standard_scaler_1m():
    x = uniform(ROWS * FEATURES, 11).reshape(ROWS, FEATURES)
    return lambda: StandardScaler().fit_transform(x)


def minmax_scaler_1m():
    x = uniform(ROWS * FEATURES, 11).reshape(ROWS, FEATURES)
    return lambda: MinMaxScaler().fit_transform(x)


def pca_10k():
    x = uniform(PCA_ROWS * PCA_FEATURES, 12).reshape(PCA_ROWS, PCA_FEATURES)
    return lambda: PCA(n_components=10, random_state=0).fit(x)


WORKLOADS = {
    "standard_scaler_1m": standard_scaler_1m,
    "minmax_scaler_1m": minmax_scaler_1m,
    "pca_10k": pca_10k,
}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    p.add_argument("--only", default="", help="comma-separated workload ids")
    p.add_argument("--list", action="store_true", help="print the workload ids and exit")
    args = p.parse_args()
    if args.list:
        print(json.dumps(list(WORKLOADS)))
        return
    warmup, runs, min_ms, warmup_ms = (3, 5, 0.0, 0.0) if args.quick else (3, 15, 200.0, 500.0)
    only = [w for w in args.only.split(",") if w]
    files = blas_files()
    results = {}
    for wid, setup in WORKLOADS.items():
        if only and wid not in only:
            continue
        results[wid] = measure(setup(), warmup, runs, 10.0, min_ms, warmup_ms)
    json.dump(
        {
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "executable": sys.executable,
            "blas": blas_info(),
            "blas_files": files,
            "blas_threads": blas_threads(files),
            "results": results,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
