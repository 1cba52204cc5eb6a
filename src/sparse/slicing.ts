// Row/column selection on compressed matrices: `getRow`, `getCol` and `slice(rows, cols)`
// with integers, slice strings, null, integer arrays (repeats allowed) and bool masks. Major
// segments are copied whole; minor indices are remapped through a per-index target list
// (SciPy's csr_column_index1/2), so repeated columns work too.
import type { Index } from "../core/_index_types.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCompressed, type OrderFlags } from "./_factory.ts";
import { asCompressed } from "./_convert.ts";
import { gather, wrapData } from "./_values.ts";
import { type Selection, selection } from "./_index.ts";

/** Selects major segments then remaps minor indices; returns compressed parts. */
function select(c: Compressed, major: Selection, minor: Selection) {
  const ip = c.indptr, ix = c.indices;
  const nOutMajor = major.idx.length;
  // pass 1: segments (the selected majors, in output order)
  const rowPtr = new Int32Array(nOutMajor + 1);
  for (let t = 0; t < nOutMajor; t++) {
    const i = major.idx[t];
    rowPtr[t + 1] = rowPtr[t] + ip[i + 1] - ip[i];
  }
  // minor remapping: index j → output positions targets[tp[j] .. tp[j+1]]
  let tp: Int32Array | null = null, targets: Int32Array | null = null;
  if (!minor.all) {
    const nMinor = c.nMinor;
    tp = new Int32Array(nMinor + 1);
    for (const j of minor.idx) tp[j + 1]++;
    for (let j = 0; j < nMinor; j++) tp[j + 1] += tp[j];
    targets = new Int32Array(minor.idx.length);
    const next = tp.slice(0, nMinor);
    for (let t = 0; t < minor.idx.length; t++) targets[next[minor.idx[t]]++] = t;
  }
  let cap = rowPtr[nOutMajor];
  if (tp !== null) {
    cap = 0;
    for (let t = 0; t < nOutMajor; t++) {
      const i = major.idx[t];
      for (let k = ip[i]; k < ip[i + 1]; k++) cap += tp[ix[k] + 1] - tp[ix[k]];
    }
  }
  const indptr = new Int32Array(nOutMajor + 1), indices = new Int32Array(cap);
  const perm = new Int32Array(cap);
  let w = 0;
  for (let t = 0; t < nOutMajor; t++) {
    const i = major.idx[t];
    for (let k = ip[i]; k < ip[i + 1]; k++) {
      const j = ix[k];
      if (tp === null) {
        indices[w] = j;
        perm[w++] = k;
      } else {
        for (let q = tp[j]; q < tp[j + 1]; q++) {
          indices[w] = targets![q];
          perm[w++] = k;
        }
      }
    }
    indptr[t + 1] = w;
  }
  const data = wrapData(c.dtype, gather(c.dtype, c.data.data, perm), w);
  const f = c.orderFlags;
  const flags: OrderFlags = minor.increasing ? { sorted: f.sorted, canonical: f.canonical } : {};
  return { data, indices, indptr, flags };
}

/** `a[rows, cols]` (outer indexing); CSC stays CSC, CSR and COO give CSR. */
export function sliceMatrix(
  a: SparseMatrix,
  rows: Index,
  cols: Index,
  where = "slice",
): SparseMatrix {
  const [m, n] = a.shape;
  const rs = selection(rows, m, 0, where), cs = selection(cols, n, 1, where);
  const shape = [rs.idx.length, cs.idx.length] as const;
  const c = asCompressed(a);
  const p = c.format === "csr" ? select(c, rs, cs) : select(c, cs, rs);
  return newCompressed(c.format, p.data, p.indices, p.indptr, shape, p.flags);
}

function checkInt(i: unknown, name: string, where: string): void {
  if (typeof i !== "number" || !Number.isInteger(i)) {
    throw new TypeError(`${where}: ${name} must be an integer, got ${String(i)}`);
  }
}

/** Row `i` as a 1×n CSR matrix. */
export function getRow(a: SparseMatrix, i: number): SparseMatrix {
  checkInt(i, "i", "getRow");
  return sliceMatrix(a, i, null, "getRow").tocsr();
}

/** Column `j` as an m×1 CSC matrix. */
export function getCol(a: SparseMatrix, j: number): SparseMatrix {
  checkInt(j, "j", "getCol");
  return sliceMatrix(a, null, j, "getCol").tocsc();
}
