// Reconstruction properties of nd.linalg on random, ill-conditioned and rank-deficient
// matrices (fast-check), on every available backend.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { BACKENDS, withBackend } from "./_backends.ts";

type Kind = "random" | "graded" | "rankdef" | "hilbert";

/** A deterministic m×n test matrix of the given kind from a seed. */
function make(
  kind: Kind,
  m: number,
  n: number,
  seed: number,
  dtype: "float64" | "complex128",
): nd.NDArray {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const vals: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      if (kind === "hilbert") row.push(1 / (i + j + 1));
      else if (kind === "graded") row.push(rnd() * 10 ** (-(8 * j) / Math.max(1, n - 1)));
      else row.push(rnd());
    }
    vals.push(row);
  }
  let a = nd.array(vals);
  if (kind === "rankdef" && n > 1 && m > 1) {
    // Make the last column a combination of the first two.
    const cols = nd.matmul(a, nd.array(Array.from({ length: n }, (_, j) => (j < 2 ? 1 : 0))));
    a = nd.concatenate([a.slice(null, `:${n - 1}`), cols.reshape([m, 1])], { axis: 1 });
  }
  if (dtype === "complex128") {
    const b = nd.array(vals.map((r) => r.map(() => rnd())));
    a = nd.add(a, nd.multiply(b, { re: 0, im: 1 }));
  }
  return a;
}

function ctrans(a: nd.NDArray): nd.NDArray {
  return nd.conj(nd.swapaxes(a, -1, -2));
}

function close(x: nd.NDArray, y: nd.NDArray | number[][], scale: number, msg: string): void {
  nd.testing.assertAllClose(x, y, { rtol: 0, atol: 1e-10 * Math.max(1, scale), errMsg: msg });
}

const arb = fc.record({
  m: fc.integer({ min: 1, max: 9 }),
  n: fc.integer({ min: 1, max: 9 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  kind: fc.constantFrom<Kind>("random", "graded", "rankdef", "hilbert"),
  dtype: fc.constantFrom<"float64" | "complex128">("float64", "complex128"),
});

for (const b of BACKENDS) {
  Deno.test(`linalg reconstruction properties (${b.name} backend)`, async (t) => {
    await withBackend(b, async () => {
      await t.step("Q·R = A, Qᴴ·Q = I, R upper triangular", () => {
        fc.assert(
          fc.property(arb, ({ m, n, seed, kind, dtype }) => {
            const a = make(kind, m, n, seed, dtype);
            const { Q, R } = nd.linalg.qr(a);
            const k = Math.min(m, n);
            close(nd.matmul(Q, R), a, 1, "Q·R = A");
            close(nd.matmul(ctrans(Q), Q), nd.eye(k), 1, "QᴴQ = I");
            close(R, nd.triu(R), 1, "R upper");
            const c = nd.linalg.qr(a, { mode: "complete" });
            close(
              nd.matmul(ctrans(c.Q), c.Q),
              nd.eye(m),
              1,
              "complete QᴴQ = I",
            );
            close(nd.matmul(c.Q, c.R), a, 1, "complete Q·R = A");
          }),
          { numRuns: 60, seed: 11 },
        );
      });
      await t.step("U·diag(S)·Vh = A, orthonormal U and V, S descending", () => {
        fc.assert(
          fc.property(arb, ({ m, n, seed, kind, dtype }) => {
            const a = make(kind, m, n, seed, dtype);
            const { U, S, Vh } = nd.linalg.svd(a, { fullMatrices: false });
            const s = S.toArray() as number[];
            for (let i = 1; i < s.length; i++) {
              assert(s[i] <= s[i - 1] && s[i] >= 0, `S descending: ${s}`);
            }
            close(nd.matmul(nd.multiply(U, S.reshape([1, -1])), Vh), a, s[0], "U·S·Vh = A");
            close(nd.matmul(ctrans(U), U), nd.eye(s.length), 1, "UᴴU = I");
            close(
              nd.matmul(Vh, ctrans(Vh)),
              nd.eye(s.length),
              1,
              "Vh·Vhᴴ = I",
            );
            const full = nd.linalg.svd(a);
            close(
              nd.matmul(ctrans(full.U), full.U),
              nd.eye(m),
              1,
              "full U unitary",
            );
            close(
              nd.matmul(full.Vh, ctrans(full.Vh)),
              nd.eye(n),
              1,
              "full V unitary",
            );
            close(nd.linalg.svdvals(a), S, s[0], "svdvals = S");
          }),
          { numRuns: 60, seed: 12 },
        );
      });
      await t.step("eigh: A·V = V·Λ, VᴴV = I, ascending", () => {
        fc.assert(
          fc.property(arb, ({ n, seed, kind, dtype }) => {
            const g = make(kind, n, n, seed, dtype);
            const a = nd.add(g, ctrans(g));
            const { eigenvalues: w, eigenvectors: v } = nd.linalg.eigh(a);
            const ws = w.toArray() as number[];
            for (let i = 1; i < ws.length; i++) assert(ws[i] >= ws[i - 1], `ascending: ${ws}`);
            const scale = Math.max(...ws.map(Math.abs));
            close(nd.matmul(a, v), nd.multiply(v, w.reshape([1, -1])), scale, "A·V = V·Λ");
            close(nd.matmul(ctrans(v), v), nd.eye(n), 1, "VᴴV = I");
            close(nd.linalg.eigvalsh(a), w, scale, "eigvalsh = eigh values");
          }),
          { numRuns: 60, seed: 13 },
        );
      });
      await t.step("eig: A·V = V·Λ with unit columns", () => {
        fc.assert(
          fc.property(arb, ({ n, seed, dtype }) => {
            const a = make("random", n, n, seed, dtype);
            const { eigenvalues: w, eigenvectors: v } = nd.linalg.eig(a);
            const ac = a.astype(v.dtype);
            close(
              nd.matmul(ac, v),
              nd.multiply(v, w.reshape([1, -1])).astype(v.dtype),
              10,
              "A·V = V·Λ",
            );
            close(
              nd.linalg.norm(v, { axis: 0 }).reshape([1, -1]),
              [new Array(n).fill(1)],
              1,
              "unit columns",
            );
          }),
          { numRuns: 60, seed: 14 },
        );
      });
      await t.step("LU solve, inverse, Cholesky, lstsq on well-posed problems", () => {
        fc.assert(
          fc.property(arb, ({ n, seed, dtype }) => {
            const g = make("random", n, n, seed, dtype);
            const spd = nd.add(nd.matmul(g, ctrans(g)), nd.eye(n).mul(n));
            const x = make("random", n, 2, seed + 1, dtype);
            const rhs = nd.matmul(spd, x);
            close(nd.linalg.solve(spd, rhs), x, 10, "solve");
            close(
              nd.matmul(spd, nd.linalg.inv(spd)),
              nd.eye(n),
              10,
              "A·inv(A) = I",
            );
            const l = nd.linalg.cholesky(spd);
            close(nd.matmul(l, ctrans(l)), spd, n * n, "L·Lᴴ = A");
            close(l, nd.tril(l), 1, "L lower");
            const u = nd.linalg.cholesky(spd, { upper: true });
            close(nd.matmul(ctrans(u), u), spd, n * n, "Uᴴ·U = A");
            close(nd.linalg.lstsq(spd, rhs).x, x, 10, "lstsq = solve on a square system");
            const { sign, logabsdet } = nd.linalg.slogdet(spd);
            const w = nd.linalg.eigvalsh(spd).toArray() as number[];
            nd.testing.assertAllClose(logabsdet, w.reduce((p, v) => p + Math.log(v), 0), {
              rtol: 1e-9,
            });
            nd.testing.assertAllClose(nd.real(sign), 1, { rtol: 1e-12 });
          }),
          { numRuns: 40, seed: 15 },
        );
      });
      await t.step("lstsq: minimum norm and pinv agree on rank-deficient problems", () => {
        fc.assert(
          fc.property(arb, ({ m, n, seed, dtype }) => {
            const a = make("rankdef", m, n, seed, dtype);
            const rhs = make("random", m, 1, seed + 7, dtype).reshape([m]);
            const r = nd.linalg.lstsq(a, rhs);
            const viaPinv = nd.matmul(nd.linalg.pinv(a, { rtol: null }), rhs);
            close(r.x, viaPinv, 10, "lstsq x = pinv(A)·b");
            assert.equal(r.rank, Number(nd.linalg.matrixRank(a).item()));
          }),
          { numRuns: 40, seed: 16 },
        );
      });
    });
  });
}
