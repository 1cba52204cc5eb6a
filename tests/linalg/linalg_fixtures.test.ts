// nd.linalg against NumPy 2.4's own results (tests/fixtures/fixtures_linalg.py), on every
// available backend. Results unique only up to signs/phases or order are normalised first.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { BACKENDS, withBackend } from "./_backends.ts";

interface Case {
  name: string;
  fn: string;
  nin: number;
  opts: Record<string, unknown>;
  check: "close" | "qr" | "svd" | "eigh" | "eig";
}

const DIR = new URL("../fixtures/linalg/", import.meta.url);
const CASES: Case[] = JSON.parse(Deno.readTextFileSync(new URL("cases.json", DIR)));

function decode(v: unknown): unknown {
  return v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;
}

function opts(c: Case): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c.opts).map(([k, v]) => [k, decode(v)]));
}

/** Calls nd's function for a case and returns its outputs in NumPy's tuple order. */
function run(c: Case, ins: nd.NDArray[]): (nd.NDArray | number)[] {
  const o = opts(c);
  const L = nd.linalg;
  switch (c.fn) {
    case "solve":
      return [L.solve(ins[0], ins[1])];
    case "inv":
      return [L.inv(ins[0])];
    case "det":
      return [L.det(ins[0])];
    case "slogdet": {
      const r = L.slogdet(ins[0]);
      return [r.sign, r.logabsdet];
    }
    case "cholesky":
      return [L.cholesky(ins[0], o)];
    case "qr": {
      const mode = (o.mode ?? "reduced") as "reduced";
      if (mode as string === "r") return [L.qr(ins[0], { mode: "r" })];
      if (mode as string === "raw") {
        const r = L.qr(ins[0], { mode: "raw" });
        return [r.h, r.tau];
      }
      const r = L.qr(ins[0], { mode });
      return [r.Q, r.R];
    }
    case "svd": {
      if (o.computeUv === false) return [L.svd(ins[0], { computeUv: false })];
      const r = L.svd(ins[0], o);
      return [r.U, r.S, r.Vh];
    }
    case "eigh": {
      const r = L.eigh(ins[0], o);
      return [r.eigenvalues, r.eigenvectors];
    }
    case "eigvalsh":
      return [L.eigvalsh(ins[0], o)];
    case "eig": {
      const r = L.eig(ins[0]);
      return [r.eigenvalues, r.eigenvectors];
    }
    case "eigvals":
      return [L.eigvals(ins[0])];
    case "lstsq": {
      const r = L.lstsq(ins[0], ins[1], o);
      return [r.x, r.residuals, r.rank, r.s];
    }
    case "pinv":
      return [L.pinv(ins[0], o)];
    case "norm":
      return [L.norm(ins[0], o)];
    case "matrix_rank":
      return [L.matrixRank(ins[0], o)];
    case "matrix_power":
      return [L.matrixPower(ins[0], o.n as number)];
    case "cond":
      return [L.cond(ins[0], o)];
  }
  throw new Error(`unknown fixture function ${c.fn}`);
}

function single(a: nd.NDArray): boolean {
  return a.dtype === "float32" || a.dtype === "complex64";
}

/** Tolerances from the computing precision and the data's magnitude. */
function close(actual: nd.NDArray, expected: nd.NDArray, what: string, loose = 1): void {
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  if (expected.size === 0) return;
  const scale = nd.max(nd.abs(expected)).item() as number;
  const rtol = (single(expected) ? 2e-4 : 1e-9) * loose;
  const atol = (single(expected) ? 2e-5 : 1e-11) * loose *
    (Number.isFinite(scale) ? Math.max(scale, 1e-300) : 1);
  nd.testing.assertAllClose(actual, expected, { rtol, atol, errMsg: what });
}

/** Multiplies each column (axis -1 = false) or row of `a` by the conjugate phase of its largest entry. */
function fixPhase(a: nd.NDArray, rows: boolean): nd.NDArray {
  const m = rows ? nd.swapaxes(a, -1, -2) : a; // columns along axis -2
  const idx = nd.argmax(nd.abs(m), { axis: -2, keepdims: true });
  const pivot = nd.takeAlongAxis(m, idx, -2);
  const mag = nd.abs(pivot);
  const phase = nd.divide(nd.conj(pivot), nd.where(nd.equal(mag, 0), 1, mag));
  const r = nd.multiply(m, phase).astype(a.dtype);
  return rows ? nd.swapaxes(r, -1, -2) : r;
}

function sortComplex(a: nd.NDArray): number[][] {
  const flat = nd.asarray(a).astype("complex128").reshape([-1, a.shape[a.ndim - 1]]);
  return (flat.toArray() as { re: number; im: number }[][]).map((row) =>
    (row as { re: number; im: number }[]).map((z) => [z.re, z.im]).sort((x, y) =>
      Math.abs(x[0] - y[0]) > 1e-6 * Math.max(1, Math.abs(x[0])) ? x[0] - y[0] : x[1] - y[1]
    ).flat()
  );
}

for (const b of BACKENDS) {
  Deno.test(`linalg fixtures from NumPy (${b.name} backend)`, async (t) => {
    await withBackend(b, async () => {
      assert.equal(nd.backend.info().name, b.name);
      for (const c of CASES) {
        await t.step(c.name, () => {
          const z = nd.load(new URL(`${c.name}.npz`, DIR).pathname as `${string}.npz`);
          const ins = Array.from({ length: c.nin }, (_, i) => z[`in${i}`]);
          const want = Object.keys(z).filter((k) => k.startsWith("out")).sort().map((k) => z[k]);
          const got = run(c, ins);
          assert.equal(got.length, want.length, "number of outputs");
          const loose =
            c.name.includes("ill") || c.name.includes("rcond") || c.name.includes("large")
              ? 1e3
              : 1;
          if (c.check === "svd" && got.length === 3) {
            const [U, S, Vh] = got as nd.NDArray[];
            close(S, want[1], "S");
            close(fixPhase(U, false), fixPhase(want[0], false), "U (phase fixed)", 10);
            // The thin parts reconstruct A whatever the phases: U[:, :k]·diag(S)·Vh[:k].
            const k = S.shape[S.ndim - 1];
            const Uk = U.slice("...", `:${k}`), Vk = Vh.slice("...", `:${k}`, null);
            const rec = nd.matmul(nd.multiply(Uk, S.reshape([...S.shape.slice(0, -1), 1, k])), Vk);
            const a = ins[0].astype(Vh.dtype);
            const scale = Math.max(1, nd.max(nd.abs(a)).item() as number);
            nd.testing.assertAllClose(rec.astype(Vh.dtype), a, {
              rtol: 0,
              atol: (single(want[1]) ? 1e-4 : 1e-11) * scale,
              errMsg: "U·S·Vh = A",
            });
            assert.deepEqual(Vh.shape, want[2].shape);
            return;
          }
          if (c.check === "eigh" && got.length === 2) {
            close(got[0] as nd.NDArray, want[0], "eigenvalues");
            close(
              fixPhase(got[1] as nd.NDArray, false),
              fixPhase(want[1], false),
              "eigenvectors (phase fixed)",
              10,
            );
            return;
          }
          if (c.check === "eig") {
            const w = got[0] as nd.NDArray;
            assert.equal(w.dtype, want[0].dtype, "eigenvalue dtype");
            assert.deepEqual(w.shape, want[0].shape);
            const tol = single(want[0]) ? 1e-3 : 1e-8;
            const gs = sortComplex(w), ws = sortComplex(want[0]);
            for (let i = 0; i < gs.length; i++) {
              for (let j = 0; j < gs[i].length; j++) {
                assert(
                  Math.abs(gs[i][j] - ws[i][j]) <= tol * (1 + Math.abs(ws[i][j])),
                  `eigenvalue ${i},${j}: ${gs[i][j]} vs ${ws[i][j]}`,
                );
              }
            }
            if (got.length === 2) {
              const V = got[1] as nd.NDArray;
              assert.equal(V.dtype, want[1].dtype, "eigenvector dtype");
              const A = ins[0].astype(V.dtype);
              const lhs = nd.matmul(A, V),
                rhs = nd.multiply(V, w.reshape([...w.shape.slice(0, -1), 1, -1]));
              nd.testing.assertAllClose(lhs, rhs.astype(V.dtype), {
                rtol: 0,
                atol: single(want[0]) ? 1e-3 : 1e-9,
                errMsg: "A·V = V·Λ",
              });
              nd.testing.assertAllClose(
                nd.linalg.norm(V, { axis: -2 }),
                nd.onesLike(w, { dtype: single(want[0]) ? "float32" : "float64" }),
                { rtol: single(want[0]) ? 1e-5 : 1e-12 },
              );
            }
            return;
          }
          for (let i = 0; i < want.length; i++) {
            const g = got[i];
            if (typeof g === "number") {
              assert.equal(g, Number(want[i].item()), `output ${i}`);
              continue;
            }
            const e = want[i].dtype === "int32" ? want[i].astype("int64") : want[i];
            if (c.fn === "lstsq" && i === 1 && e.size > 0) {
              // Residuals of a (nearly) exact fit are rounding noise: compare against ‖b‖².
              const b2 = nd.sum(
                nd.abs(ins[1]).astype("float64").mul(nd.abs(ins[1]).astype("float64")),
              ).item() as number;
              assert.equal(g.dtype, e.dtype);
              nd.testing.assertAllClose(g, e, {
                rtol: single(e) ? 1e-4 : 1e-9,
                atol: (single(e) ? 1e-5 : 1e-13) * (1 + b2),
              });
              continue;
            }
            close(g, e, `output ${i}`, loose);
          }
        });
      }
    });
  });
}
