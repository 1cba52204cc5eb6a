"""The NumPy side of `deno task bench:compare`: the same workloads as bench/_*.ts.

Prints one JSON object on stdout: {"numpy": version, "python": version, "blas": ...,
"blas_files": [loaded BLAS/LAPACK libraries], "blas_threads": n or null,
"results": {id: {"ms": median, "samples": [...]}}}. Run by bench/compare/compare.ts;
`python3 bench/compare/numpy_workloads.py --quick` runs it alone, `--probe` prints only the
header (compare.ts uses it to find the Python whose NumPy loads the same BLAS as nd).
Runs on NumPy 1.24 (Debian's python3-numpy) and 2.x.
"""

import argparse
import ctypes
import json
import os
import platform
import re
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


def matmul(dtype, n):
    def setup():
        a, b = uniform(n * n, 21, dtype).reshape(n, n), uniform(n * n, 22, dtype).reshape(n, n)
        return lambda: a @ b

    return setup


def matmul_f64_1024_out():
    a, b = uniform(1024 * 1024, 21).reshape(1024, 1024), uniform(1024 * 1024, 22).reshape(1024, 1024)
    out = np.empty((1024, 1024))
    return lambda: np.matmul(a, b, out=out)


def matmul_batch_8():
    a = uniform(10_000 * 64, 23).reshape(10_000, 8, 8)
    b = uniform(10_000 * 64, 24).reshape(10_000, 8, 8)
    return lambda: a @ b


def random_10m():
    rng = np.random.default_rng(0)
    return lambda: rng.random(N)


def random_10m_out():
    rng, out = np.random.default_rng(0), np.empty(N)
    return lambda: rng.random(out=out)


def normal_10m():
    rng = np.random.default_rng(0)
    return lambda: rng.standard_normal(N)


def square(n, seed):
    return uniform(n * n, seed).reshape(n, n)


def svd_500():
    a = square(500, 33)
    return lambda: np.linalg.svd(a)


def solve(n):
    def setup():
        a, b = square(n, 31), uniform(n, 32)
        return lambda: np.linalg.solve(a, b)

    return setup


def eigh_500():
    a = square(500, 34)
    s = (a + a.T) / 2
    return lambda: np.linalg.eigh(s)


def cholesky_1000():
    a = square(1000, 35)
    s = a @ a.T + 1000 * np.eye(1000)
    return lambda: np.linalg.cholesky(s)


def qr_500():
    a = square(500, 36)
    return lambda: np.linalg.qr(a)


def mmap_sum_1g():
    import tempfile
    path = os.path.join(os.environ.get("TMPDIR", tempfile.gettempdir()), "np_bench_mmap_1gib.npy")
    rows = 2**27
    try:
        ok = np.load(path, mmap_mode="r").shape == (rows,)
    except (OSError, ValueError):
        ok = False
    if not ok:
        out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(rows,))
        block = uniform(1 << 21, 41)
        for s in range(0, rows, 1 << 21):
            out[s:s + (1 << 21)] = block
        out.flush()
        del out

    def run():
        m = np.load(path, mmap_mode="r")
        return m.sum()

    return run


def swv_mean_1m():
    x = uniform(1_000_000, 42)
    return lambda: np.lib.stride_tricks.sliding_window_view(x, 100).mean(axis=-1)


def sparse_random(m, n, density, seed):
    """scipy.sparse.random from default_rng(seed): the same draws as nd.sparse.random."""
    import scipy.sparse as sp
    rng = np.random.default_rng(seed)
    try:
        return sp.random(m, n, density=density, format="csr", rng=rng)
    except TypeError:  # SciPy < 1.15 calls it random_state
        return sp.random(m, n, density=density, format="csr", random_state=rng)


def sparse_big():
    """The 100,000² CSR matrix with 1M nonzeros of bench/_sparse.ts (the same draws)."""
    return sparse_random(100_000, 100_000, 1e-4, 1)


def spmv_1m():
    a, x = sparse_big(), np.random.default_rng(2).uniform(-1, 1, 100_000)
    return lambda: a @ x


def spmm_16():
    a, x = sparse_big(), np.random.default_rng(3).uniform(-1, 1, (100_000, 16))
    return lambda: a @ x


def coo_tocsr_1m():
    import scipy.sparse as sp
    rng = np.random.default_rng(5)
    n, unique = 1_000_000, 800_000
    row = rng.integers(0, 100_000, n).astype(np.int32)
    col = rng.integers(0, 100_000, n).astype(np.int32)
    dup = rng.integers(0, unique, n - unique)
    row[unique:], col[unique:] = row[dup], col[dup]
    data = rng.uniform(-1, 1, n)
    c = sp.coo_matrix((data, (row, col)), shape=(100_000, 100_000))
    return lambda: c.tocsr()


def spgemm_1e3():
    b = sparse_random(10_000, 10_000, 1e-3, 4)
    return lambda: b @ b.T


def csr_tocsc_1m():
    a = sparse_big()
    return lambda: a.tocsc()


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
    "mmap_sum_1g": mmap_sum_1g,
    "swv_mean_1m": swv_mean_1m,
    "matmul_f64_256": matmul(np.float64, 256),
    "matmul_f64_1024": matmul(np.float64, 1024),
    "matmul_f64_1024_out": matmul_f64_1024_out,
    "matmul_f32_256": matmul(np.float32, 256),
    "matmul_f32_1024": matmul(np.float32, 1024),
    "matmul_batch_8": matmul_batch_8,
    "svd_500": svd_500,
    "solve_1000": solve(1000),
    "solve_500": solve(500),
    "eigh_500": eigh_500,
    "cholesky_1000": cholesky_1000,
    "qr_500": qr_500,
    "random_10m": random_10m,
    "random_10m_out": random_10m_out,
    "normal_10m": normal_10m,
    "spmv_1m": spmv_1m,
    "spmm_16": spmm_16,
    "coo_tocsr_1m": coo_tocsr_1m,
    "spgemm_1e3": spgemm_1e3,
    "csr_tocsc_1m": csr_tocsc_1m,
}


# ---- CP decompositions (issue 7): TensorLy 0.9's ALS loops in NumPy alone ----
# The same tensors and random starts as bench/_decomposition.ts (nd.random is bit-exact with
# default_rng). Each loop is TensorLy's numpy-backend code path: the MTTKRP as
# unfold(tensor, mode) @ khatri_rao(other factors) (an unfolded copy and the full Khatri-Rao
# product per mode), the normal equations solved with the Hadamard product of Gram matrices,
# and the error from norms (||t||^2 + ||cp||^2 - 2<t, cp>) after every iteration.


def _cp_khatri_rao(mats, weights):
    r = mats[0].shape[1]
    out = mats[0]
    for m in mats[1:]:
        out = (out[:, None, :] * m[None, :, :]).reshape(-1, r)
    return out * weights


def _cp_unfold(t, mode):
    return np.moveaxis(t, mode, 0).reshape(t.shape[mode], -1)


def _cp_low_rank_plus_noise(n, seed):
    rng = np.random.default_rng(seed)
    fs = [rng.random((n, 10)) for _ in range(3)]
    t = (fs[0] @ _cp_khatri_rao(fs[1:], np.ones(10)).T).reshape(n, n, n)
    return t + 0.1 * (rng.random((n, n, n)) - 0.5)


def _cp_error(t_norm, weights, factors, mttkrp):
    g = np.ones((len(weights), len(weights)))
    for f in factors:
        g *= f.T @ f
    cp_sq = weights @ g @ weights
    return np.sqrt(abs(t_norm**2 + cp_sq - 2 * np.sum(mttkrp * factors[-1]))) / t_norm


def _cp_als(t, rank, n_iter, non_negative):
    rng = np.random.default_rng(1)
    factors = [rng.random((s, rank)) for s in t.shape]
    weights = np.ones(rank)
    t_norm = np.linalg.norm(t)
    eps = np.finfo(t.dtype).eps
    errors = []
    for _ in range(n_iter):
        for mode in range(t.ndim):
            p = np.ones((rank, rank))
            for i, f in enumerate(factors):
                if i != mode:
                    p *= f.T @ f
            p = weights[:, None] * p * weights[None, :]
            kr = _cp_khatri_rao([f for i, f in enumerate(factors) if i != mode], weights)
            mttkrp = _cp_unfold(t, mode) @ kr
            if non_negative:
                den = np.clip(factors[mode] @ p, eps, None)
                factors[mode] = factors[mode] * np.clip(mttkrp, eps, None) / den
            else:
                factors[mode] = np.linalg.solve(p.T, mttkrp.T).T
        errors.append(_cp_error(t_norm, weights, factors, mttkrp))
    return factors, errors


def parafac_100_r10():
    t = _cp_low_rank_plus_noise(100, 100)
    return lambda: _cp_als(t, 10, 100, False)


def nn_parafac_50_r10():
    t = _cp_low_rank_plus_noise(50, 50)
    return lambda: _cp_als(t, 10, 100, True)


WORKLOADS.update({
    "parafac_100_r10": parafac_100_r10,
    "nn_parafac_50_r10": nn_parafac_50_r10,
})
# ---- end of CP decompositions ----


# ---- Tucker and tensor train (issue 7): TensorLy 0.9's HOOI and TT-SVD in NumPy alone ----
# The same tensors as bench/_decomposition.ts (uniform draws of default_rng, bit-exact with
# nd.random). Each is TensorLy's numpy-backend code path with its defaults: truncated SVDs by
# np.linalg.svd(full_matrices=False) with svd_flip's signs, mode products as
# unfold -> dot -> fold, the HOOI error sqrt(|‖X‖² − ‖core‖²|)/‖X‖ and tol 1e-4 (checked from
# the third sweep on: 4 sweeps here, the same final error as nd's to 1e-13).


def _tk_unfold(t, mode):
    return np.moveaxis(t, mode, 0).reshape(t.shape[mode], -1)


def _tk_mode_dot_t(t, u, mode):
    shape = list(t.shape)
    shape[mode] = u.shape[1]
    res = u.T @ _tk_unfold(t, mode)
    rest = [s for i, s in enumerate(shape) if i != mode]
    return np.moveaxis(res.reshape([shape[mode]] + rest), 0, mode)


def _tk_svd(m, r):
    u, s, vh = np.linalg.svd(m, full_matrices=r > min(m.shape))
    u, s, vh = u[:, :r], s[:r], vh[:r]
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), range(u.shape[1])])
    return u * signs, s, vh * signs[:, None]


def _tucker_hooi(t, rank, n_iter_max=100, tol=1e-4):
    factors = [_tk_svd(_tk_unfold(t, m), rank[m])[0] for m in range(t.ndim)]
    norm = np.linalg.norm(t)
    errors = []
    for it in range(n_iter_max):
        for m in range(t.ndim):
            y = t
            for k in range(t.ndim):
                if k != m:
                    y = _tk_mode_dot_t(y, factors[k], k)
            factors[m] = _tk_svd(_tk_unfold(y, m), rank[m])[0]
        core = t
        for k in range(t.ndim):
            core = _tk_mode_dot_t(core, factors[k], k)
        errors.append(np.sqrt(abs(norm**2 - np.linalg.norm(core) ** 2)) / norm)
        if it > 1 and abs(errors[-2] - errors[-1]) < tol:
            break
    return core, factors, errors


def _tt_svd(t, rank):
    rank = list(rank)
    shape, factors, unfolding = t.shape, [], t
    for k in range(t.ndim - 1):
        unfolding = unfolding.reshape(rank[k] * shape[k], -1)
        r = min(unfolding.shape[0], unfolding.shape[1], rank[k + 1])
        u, s, vh = _tk_svd(unfolding, r)
        rank[k + 1] = r
        factors.append(u.reshape(rank[k], shape[k], r))
        unfolding = s[:, None] * vh
    factors.append(unfolding.reshape(rank[-2], shape[-1], 1))
    return factors


def tucker_100_r10():
    t = np.random.default_rng(100).random((100, 100, 100))
    return lambda: _tucker_hooi(t, [10, 10, 10])


def tt_30_r10():
    t = np.random.default_rng(30).random((30, 30, 30))
    return lambda: _tt_svd(t, [1, 10, 10, 1])


WORKLOADS.update({
    "tucker_100_r10": tucker_100_r10,
    "tt_30_r10": tt_30_r10,
})
# ---- end of Tucker and tensor train ----


MAX_RUNS = 1000


def measure(run, warmup, runs, budget_s, min_ms=0.0, warmup_ms=0.0):
    """Like bench/_workload.ts `time`: at least `warmup` runs and `warmup_ms` of warm-up, then
    at least `runs` timed runs, more (up to MAX_RUNS) until they add up to `min_ms`."""
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


def blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # NumPy < 1.26: no dict mode
        pass
    try:
        libs = np.__config__.blas_opt_info.get("libraries", [])
        return "linked against " + ", ".join(sorted(set(libs))) if libs else "unknown"
    except Exception as e:
        return f"unknown ({type(e).__name__})"


BLAS_FILE = re.compile(r"blas|lapack|mkl|blis|flexiblas", re.IGNORECASE)


def blas_files():
    """The BLAS/LAPACK shared libraries mapped into this process after a product (Linux)."""
    a = np.ones((64, 64))
    a @ a
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split(None, 5)[5].strip() for line in f if len(line.split(None, 5)) == 6}
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/") and BLAS_FILE.search(os.path.basename(p)))


def blas_threads(files):
    """OpenBLAS's thread count, asked from the loaded library itself, or None."""
    names = [
        "openblas_get_num_threads",
        "openblas_get_num_threads64_",
        "scipy_openblas_get_num_threads64_",
        "scipy_openblas_get_num_threads",
    ]
    for path in files:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in names:
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.restype = ctypes.c_int
                return int(fn())
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    p.add_argument("--only", default="", help="comma-separated workload ids")
    p.add_argument("--probe", action="store_true", help="print the header only, run nothing")
    args = p.parse_args()
    warmup, runs, min_ms, warmup_ms = (3, 5, 0.0, 0.0) if args.quick else (3, 15, 200.0, 500.0)
    only = [w for w in args.only.split(",") if w]
    files = blas_files()
    results = {}
    for wid, setup in WORKLOADS.items():
        if args.probe or (only and wid not in only):
            continue
        try:
            run = setup()
        except ImportError as e:  # the sparse workloads need SciPy; NumPy-only Pythons skip them
            results[wid] = {"error": f"{type(e).__name__}: {e}"}
            continue
        results[wid] = measure(run, warmup, runs, 10.0, min_ms, warmup_ms)
    json.dump(
        {
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
