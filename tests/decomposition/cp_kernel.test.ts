// The CP solvers' buffer kernels: the two-gemm MTTKRPs (with lazy invalidation) equal
// nd.tenalg.mttkrp after any sequence of factor updates, the reconstruction equals
// cpToTensor, and the in-place Khatri–Rao product equals nd.tenalg.khatriRao.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { CPWork, khatriRaoInto } from "../../src/decomposition/_cp_work.ts";
import { solveRowsInto } from "../../src/decomposition/_cp_small.ts";

const shapeArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 });

Deno.test("CPWork: MTTKRPs, reconstruction and Khatri–Rao products (fast-check)", () => {
  fc.assert(
    fc.property(
      shapeArb,
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 10000 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
      fc.constantFrom("float64" as const, "float32" as const),
      (shape, rank, seed, updates, dt) => {
        const rng = nd.random.defaultRng(seed);
        const t = (rng.random(shape) as nd.NDArray).astype(dt);
        const factors = shape.map((s) => (rng.random([s, rank]) as nd.NDArray).astype(dt));
        const w = new nd.NDArray(
          "float64",
          (rng.random([rank]) as nd.NDArray).data as Float64Array,
          [
            rank,
          ],
        );
        const weights = (w.data as Float64Array).slice();
        const bufs = factors.map((f) => (f.data as Float64Array).slice());
        const work = new CPWork(dt, shape, rank, t.data as Float64Array, 0, bufs, weights);
        const tol = dt === "float32" ? 1e-4 : 1e-10;
        for (const u of updates) {
          const k = u % shape.length;
          const out = new Float64Array(shape[k] * rank);
          work.mttkrp(k, out);
          const cur = work.factors.map((b, i) => new nd.NDArray(dt, b, [shape[i], rank]));
          const want = nd.tenalg.mttkrp(t, {
            factors: cur,
            weights: new nd.NDArray("float64", work.weights.slice(), [rank]).astype(dt),
          }, k);
          nd.testing.assertAllClose(
            new nd.NDArray("float64", out, [shape[k], rank]),
            want.astype("float64"),
            { rtol: tol, atol: tol },
          );
          // Change factor k (and sometimes the weights), as a solver would.
          const f = work.factors[k];
          for (let i = 0; i < f.length; i++) f[i] = f[i] * 0.5 + ((i * 7 + u) % 5) / 10;
          work.factorChanged(k);
          if (u % 3 === 0) work.weights[0] += 0.25;
          nd.testing.assertAllClose(
            new nd.NDArray("float64", work.grams[k], [rank, rank]),
            nd.matmul(cur[k].T, cur[k]).astype("float64"),
            { rtol: tol, atol: tol },
          );
        }
        const cur = work.factors.map((b, i) => new nd.NDArray(dt, b, [shape[i], rank]));
        const rec = dt === "float32" ? new Float32Array(t.size) : new Float64Array(t.size);
        work.reconstructInto(rec);
        const wts = new nd.NDArray("float64", work.weights.slice(), [rank]).astype(dt);
        nd.testing.assertAllClose(
          new nd.NDArray(dt, rec, shape),
          nd.decomposition.cpToTensor({ weights: wts, factors: cur }),
          { rtol: tol, atol: tol },
        );
        const kr = new Float64Array(cur.reduce((a, f) => a * f.shape[0], 1) * rank);
        khatriRaoInto(work.factors, shape, rank, kr);
        nd.testing.assertAllClose(
          new nd.NDArray("float64", kr, [kr.length / rank, rank]),
          nd.tenalg.khatriRao(cur).astype("float64"),
          { rtol: tol, atol: tol },
        );
      },
    ),
    { numRuns: Number(Deno.env.get("CP_FC_RUNS") ?? 150) },
  );
});

Deno.test("solveRowsInto: LU solves and the pseudo-inverse fallback", () => {
  const p = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
  const m = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const out = new Float64Array(6);
  solveRowsInto(p, 3, m, 2, out);
  const want =
    nd.linalg.solve(new nd.NDArray("float64", p, [3, 3]).T, new nd.NDArray("float64", m, [2, 3]).T)
      .T;
  nd.testing.assertAllClose(new nd.NDArray("float64", out, [2, 3]), want);
  // Singular: the minimum-norm solution.
  const s = Float64Array.from([1, 1, 1, 1]);
  const o2 = new Float64Array(2);
  solveRowsInto(s, 2, Float64Array.from([2, 2]), 1, o2);
  nd.testing.assertAllClose(new nd.NDArray("float64", o2, [2]), [1, 1]);
  const zero = new Float64Array(4);
  solveRowsInto(new Float64Array(4), 2, Float64Array.from([1, 1]), 1, zero);
  assert.deepEqual([...zero.slice(0, 2)], [0, 0]);
});
