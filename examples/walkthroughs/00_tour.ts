/**
 * A quick tour of nd's core — dtypes and promotion, views and indexing, broadcasting, reductions,
 * linear algebra, random numbers, custom functions, .npy files and memory maps — printing each
 * result the way NumPy would. The first part of `deno task demo`.
 *
 * @module
 */

import * as nd from "../../mod.ts";
import type { Output } from "./_output.ts";

/** Runs the tour, printing through `out`. */
export function run(out: Output): void {
  const show = (title: string, value: unknown): void => {
    out.log(`\n# ${title}`);
    out.log(value instanceof nd.NDArray ? value.toString() : Deno.inspect(value, { depth: 4 }));
  };
  // Creation and dtypes (NumPy 2 promotion: JS numbers are weak scalars).
  const a = nd.arange(12).reshape([3, 4]);
  show("a = arange(12).reshape(3, 4)", a);
  show("a.dtype, a.strides, a.flags.cContiguous", [a.dtype, a.strides, a.flags.cContiguous]);
  const u8 = nd.array([250, 251, 252], { dtype: "uint8" });
  show("uint8 + 10 wraps and stays uint8", nd.add(u8, 10));
  show("resultType(int8, uint8), resultType(float32, int32)", [
    nd.resultType("int8", "uint8"),
    nd.resultType("float32", "int32"),
  ]);

  // Views share memory; fancy indexing copies.
  const col = a.slice(null, 1);
  show("a[:, 1] (a view)", col);
  show("a[::-1, ::2]", a.slice("::-1", "::2"));
  show("a[a > 6] (a copy)", a.slice(a.greater(6)));
  show("a[[0, 2], [1, 3]]", a.slice([0, 2], [1, 3]));

  // Broadcasting and ufuncs.
  const x = nd.linspace(0, 1, { num: 5 });
  show("linspace(0, 1, 5)", x);
  show("outer sum via broadcasting: x[:, None] + x", nd.add(x.slice(null, nd.newaxis), x));
  show("exp(x)", nd.exp(x));
  show("complex: (1+2j) * (3-1j)", nd.multiply(nd.array([{ re: 1, im: 2 }]), { re: 3, im: -1 }));

  // Reductions and statistics.
  const m = nd.arange(24).reshape([2, 3, 4]).astype("float64");
  show("sum over axes (0, 2)", nd.sum(m, { axis: [0, 2] }));
  show("mean over axis 1, keepdims", nd.mean(m, { axis: 1, keepdims: true }));
  show("std (ddof=1) of each row of a", nd.std(a, { axis: 1, ddof: 1 }));
  show("argmax along axis 0", nd.argmax(m, { axis: 0 }));
  show("cumsum of a's first row", nd.cumsum(a.slice(0)));

  // Per-channel normalisation of an image batch.
  const imgs = nd.arange(2 * 3 * 4 * 4).reshape([2, 3, 4, 4]).astype("float32");
  const centred = imgs.sub(nd.mean(imgs, { axis: [2, 3], keepdims: true }));
  show("per-channel centred batch: mean of each channel now", nd.mean(centred, { axis: [2, 3] }));

  // Matrix products and linear algebra on the system BLAS/LAPACK (TypeScript without one).
  show("backend", nd.backend.info());
  const g = nd.matmul(a.astype("float64"), a.T.astype("float64"));
  show("a @ a.T", g);
  show("einsum('ij,ij->i', a, a): row sums of squares", nd.einsum("ij,ij->i", a, a));
  const sys = nd.array([[4, 1, 0], [1, 3, 1], [0, 1, 2]]);
  show("solve(sys, [1, 2, 3])", nd.linalg.solve(sys, [1, 2, 3]));
  show("det(sys), inv(sys)", [nd.linalg.det(sys).item(), nd.linalg.inv(sys)]);
  show("eigvalsh(sys)", nd.linalg.eigvalsh(sys));
  show("cholesky(sys)", nd.linalg.cholesky(sys));
  const { S } = nd.linalg.svd(a.astype("float64"));
  show("singular values of a, and its rank", [S, nd.linalg.matrixRank(a).item()]);
  show("eigenvalues of a rotation", nd.linalg.eigvals([[0, -1], [1, 0]]));
  const fit = nd.linalg.lstsq(nd.array([[1, 0], [1, 1], [1, 2], [1, 3]]), [1, 3.1, 4.9, 7.2]);
  show("least-squares line through 4 points: intercept, slope", fit.x);

  // Manipulation, sorting and statistics.
  const v = nd.array([3.5, -1, 2, 8, 2, NaN, 0.25]);
  show("sort (NaN last, stable)", nd.sort(v));
  show("unique values and counts", nd.unique(nd.array([3, 1, 3, 2, 1, 3]), { returnCounts: true }));
  show("median and 90th percentile of a", [nd.median(a).item(), nd.percentile(a, 90).item()]);
  show("concatenate along axis 1", nd.concatenate([a, a.mul(-1)], { axis: 1 }));
  show("pad with reflect", nd.pad(nd.arange(4), 2, { mode: "reflect" }));
  show(
    "histogram of 1000 linspace values",
    nd.histogram(nd.linspace(0, 1, { num: 1000 }), { bins: 4 }).hist,
  );

  // .npy / .npz files that NumPy reads and writes.
  const dir = Deno.makeTempDirSync();
  nd.save(`${dir}/m.npy`, m);
  const back = nd.load(`${dir}/m.npy`);
  show("load(save(m)) equals m", nd.all(nd.equal(back, m)).item());
  nd.savez(`${dir}/pair.npz`, { a, m });
  show("savez/load keys", Object.keys(nd.load(`${dir}/pair.npz`)));
  show(
    "toNpy header (the bytes np.save writes)",
    new TextDecoder().decode(nd.toNpy(a).subarray(10, 60)).trim(),
  );

  // Random numbers: NumPy's streams, bit for bit.
  const rng = nd.random.defaultRng(42);
  show("default_rng(42).random(3)", rng.random(3));
  show("then integers(0, 10, size=5)", rng.integers(0, 10, { size: 5 }));
  nd.random.seed(0);
  show("np.random.seed(0); np.random.rand(2, 2)", nd.random.rand(2, 2));

  // Custom functions: ufunc methods, compiled ufuncs and kernels (numba's role).
  show("add.reduce, maximum.accumulate, multiply.outer", [
    nd.add.reduce([1, 2, 3, 4]).item(),
    nd.maximum.accumulate([1, 3, 2, 5]),
    nd.multiply.outer([1, 2], [1, 10, 100]),
  ]);
  const swish = nd.ufunc((t: number) => t / (1 + Math.exp(-t)), { name: "swish" });
  show(`nd.ufunc swish (body inlined into the loop: ${swish.inlined})`, swish([-1, 0, 1]));
  const gcd = nd.frompyfunc((p, q) => {
    let u = p as number, v = q as number;
    while (v) [u, v] = [v, u % v];
    return u;
  }, { nin: 2, identity: 0 });
  show("frompyfunc gcd([12, 18, 27], 6)", gcd([12, 18, 27], 6));
  const rowNorm = nd.vectorize((r) => nd.sqrt(nd.sum(nd.square(r as nd.NDArray))), {
    signature: "(n)->()",
  });
  show("vectorize with signature (n)->(): row norms", rowNorm(nd.array([[3, 4], [6, 8]])));

  // Memory efficiency: stride tricks and memory-mapped files processed in chunks.
  const series = nd.sin(nd.arange(20).astype("float64"));
  const windows = nd.slidingWindowView(series, 5); // a view: no copy of the 16 windows
  show("moving average over windows of 5 (first 4)", nd.mean(windows, { axis: -1 }).slice("0:4"));
  show(
    "asStrided: overlapping rows of arange(6) (bounds-checked)",
    nd.asStrided(nd.arange(6), { shape: [4, 3], strides: [1, 1], writeable: false }),
  );
  show("memory mapping here", nd.io.mapInfo());
  const big = nd.openMemmap(`${dir}/big.npy`, { mode: "w+", dtype: "float64", shape: [10000, 3] });
  let row = 0;
  for (const chunk of nd.io.chunks(big, { size: 4096 })) {
    chunk.setSlice([], nd.arange(row, row + chunk.shape[0]).astype("float64").reshape([-1, 1]));
    row += chunk.shape[0];
  }
  big.close(); // flushed to disk; using `big` now would throw
  const mapped = nd.load(`${dir}/big.npy`, { mmapMode: "r" }) as nd.Memmap;
  show("column means of a 10000×3 .npy read through a memmap", nd.mean(mapped, { axis: 0 }));
  mapped.close();
  Deno.removeSync(dir, { recursive: true });
}
