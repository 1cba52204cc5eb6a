/**
 * Walkthrough 4 — advanced tensor manipulations: per-channel normalization of an image batch,
 * sparse matrices (structure, a sparse product and a sparse solve), and CP and Tucker
 * decompositions compressing a tensor (compression ratio against reconstruction error). Each
 * step returns its numbers and a figure; `run` does them all for the demo.
 *
 * @module
 */

import * as nd from "../../mod.ts";
import type { Output } from "./_output.ts";

/** A synthetic batch of N RGB images (N, 3, H, W) whose channels have different means. */
export function imageBatch(n = 8, size = 32): nd.NDArray {
  const rng = nd.random.defaultRng(10);
  const yy = nd.linspace(0, 1, { num: size }).reshape([size, 1]);
  const xx = nd.linspace(0, 1, { num: size }).reshape([1, size]);
  const images: nd.NDArray[] = [];
  for (let k = 0; k < n; k++) {
    const phase = (k / n) * 2 * Math.PI;
    const r = nd.sin(xx.mul(6).add(phase)).mul(0.25).add(0.6).add(yy.mul(0));
    const g = yy.mul(0.5).add(xx.mul(0)).add(0.1);
    const b = nd.cos(nd.add(xx, yy).mul(4).add(phase)).mul(0.1).add(0.3);
    const noise = rng.normal(0, 0.05, { size: [3, size, size] }) as nd.NDArray;
    images.push(nd.stack([r, g, b]).add(noise));
  }
  return nd.stack(images);
}

/** An image batch before and after per-channel normalization. */
export interface NormalizeResult {
  channelMeans: nd.NDArray;
  channelStds: nd.NDArray;
  afterMeans: nd.NDArray;
  afterStds: nd.NDArray;
  figures: { before: nd.plot.Figure; after: nd.plot.Figure };
}

/** Normalizes each channel of an (N, C, H, W) batch by its mean and std over N, H and W. */
export function channelNormalization(): NormalizeResult {
  const x = imageBatch();
  const mean = nd.mean(x, { axis: [0, 2, 3], keepdims: true });
  const std = nd.std(x, { axis: [0, 2, 3], keepdims: true });
  const z = x.sub(mean).div(std);
  const show = nd.clip(z.mul(0.15).add(0.5), 0, 1); // z-scores mapped to [0, 1] for display
  return {
    channelMeans: mean.reshape([3]),
    channelStds: std.reshape([3]),
    afterMeans: nd.mean(z, { axis: [0, 2, 3] }),
    afterStds: nd.std(z, { axis: [0, 2, 3] }),
    figures: {
      before: nd.plot.imageGrid(nd.clip(x, 0, 1), { cols: 4, title: "Image batch" }),
      after: nd.plot.imageGrid(show, { cols: 4, title: "After per-channel normalization" }),
    },
  };
}

/** A sparse system: its structure, a product and a conjugate-gradient solve. */
export interface SparseResult {
  n: number;
  nnz: number;
  density: number;
  residual: number;
  cgInfo: number;
  productNnz: number;
  figure: nd.plot.Figure;
}

/**
 * The 2-D Laplacian of a `side × side` grid as a CSR matrix (a Kronecker sum), its `spy` plot,
 * the sparse product A·Aᵀ, and `sparse.linalg.cg` solving A·x = b.
 */
export function sparseMatrices(side = 30): SparseResult {
  const S = nd.sparse;
  const t = S.diags([nd.full([side - 1], -1), nd.full([side], 2), nd.full([side - 1], -1)], {
    offsets: [-1, 0, 1],
    format: "csr",
  });
  const I = S.eye(side, { format: "csr" });
  const A = S.kron(t, I).add(S.kron(I, t)).tocsr();
  const n = A.shape[0];
  const b = nd.ones([n]);
  const { x, info } = S.linalg.cg(A, b, { rtol: 1e-10 });
  const residual = nd.linalg.norm(A.matmul(x).sub(b)).item() as number;
  const product = A.matmul(A.T) as nd.sparse.SparseMatrix;
  return {
    n,
    nnz: A.nnz,
    density: A.nnz / (n * n),
    residual,
    cgInfo: info,
    productNnz: product.nnz,
    figure: nd.plot.spy(A, { title: `2-D Laplacian on a ${side}×${side} grid (spy)` }),
  };
}

/** CP and Tucker compressions of one tensor at several ranks. */
export interface CompressionResult {
  shape: number[];
  rows: { method: string; rank: string; ratio: number; error: number }[];
  figures: { cp: nd.plot.Figure; tucker: nd.plot.Figure };
}

/**
 * A 30×30×30 tensor of CP rank 5 plus noise, compressed by CP (`parafac`) and Tucker
 * (`tucker`) at ranks 1–6: compression ratio (full size / stored numbers) against relative
 * error, the points coloured by rank.
 */
export function compression(): CompressionResult {
  const shape = [30, 30, 30], ranks = [1, 2, 3, 4, 5, 6];
  const clean = nd.decomposition.randomCp(shape, 5, { rng: 11, full: true }) as nd.NDArray;
  const noise = nd.random.defaultRng(12).normal(0, 1, { size: shape }) as nd.NDArray;
  const scale = 0.01 * (nd.linalg.norm(clean).item() as number) / 30 ** 1.5;
  const t = clean.add(noise.mul(scale));
  const full = 30 ** 3, norm = nd.linalg.norm(t).item() as number;
  const err = (r: nd.NDArray) => (nd.linalg.norm(t.sub(r)).item() as number) / norm;
  const rows: CompressionResult["rows"] = [];
  for (const r of ranks) {
    const cp = nd.decomposition.parafac(t, r, { nIterMax: 60, tol: 1e-7 });
    rows.push({
      method: "CP",
      rank: String(r),
      ratio: full / (r * (90 + 1)),
      error: err(cp.toTensor()),
    });
    const tk = nd.decomposition.tucker(t, [r, r, r], { nIterMax: 30 });
    rows.push({
      method: "Tucker",
      rank: `${r}×${r}×${r}`,
      ratio: full / (r ** 3 + 90 * r),
      error: err(tk.toTensor()),
    });
  }
  const plot = (method: string) => {
    const rs = rows.filter((r) => r.method === method);
    return nd.plot.scatter(rs.map((r) => r.ratio), rs.map((r) => r.error), {
      color: ranks,
      colorLabel: "rank",
      r: 6,
      title: `${method}: compression ratio against relative error`,
      xLabel: "compression ratio (full size / stored numbers)",
      yLabel: "relative error",
    });
  };
  return { shape, rows, figures: { cp: plot("CP"), tucker: plot("Tucker") } };
}

/** Runs every step, reporting the key figures and keeping the plots. */
export function run(out: Output): void {
  out.log("4. Advanced tensor manipulations");
  const cn = channelNormalization();
  const f = (a: nd.NDArray) =>
    Array.from(a.data as Float64Array).map((v) => v.toFixed(3)).join(", ");
  out.log(
    `   channel means [${f(cn.channelMeans)}] → [${f(cn.afterMeans)}], stds → [${f(cn.afterStds)}]`,
  );
  out.figure("04_images_before", cn.figures.before);
  out.figure("04_images_after", cn.figures.after);
  const sp = sparseMatrices();
  out.log(
    `   Laplacian ${sp.n}×${sp.n}: ${sp.nnz} stored (density ${
      (sp.density * 100).toFixed(2)
    }%), cg info ${sp.cgInfo}, residual ${sp.residual.toExponential(1)}, A·Aᵀ has ${sp.productNnz}`,
  );
  out.figure("04_laplacian_spy", sp.figure);
  const c = compression();
  for (const r of c.rows) {
    out.log(
      `   ${r.method.padEnd(6)} rank ${r.rank.padEnd(5)} ratio ${
        r.ratio.toFixed(1).padStart(6)
      }× error ${r.error.toFixed(4)}`,
    );
  }
  out.figure("04_cp_compression", c.figures.cp);
  out.figure("04_tucker_compression", c.figures.tucker);
}
