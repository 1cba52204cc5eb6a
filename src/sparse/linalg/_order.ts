/**
 * Fill-reducing column orders for the sparse LU: an approximate minimum degree order on a
 * quotient graph (eliminated variables become "elements", cliques stored by their variable
 * lists, so the graph never grows), with element absorption and approximate external
 * degrees `|A_i| + |L_p| − 1 + Σ_e |L_e \ L_p|` as in AMD (without supervariables).
 *
 * - `"MMD_AT_PLUS_A"`: the graph of `A + Aᵀ`;
 * - `"COLAMD"` / `"MMD_ATA"`: the graph of `AᵀA` without forming it: each row of `A` starts
 *   as an element whose variables are that row's columns, as COLAMD does (rows with more than
 *   `max(16, 10·√n)` entries are ignored, COLAMD's dense-row rule);
 * - `"NATURAL"`: the identity.
 *
 * @module
 */

import type { Csc } from "./_csc.ts";

/** The column orderings `splu`/`spsolve` accept (SciPy's `permc_spec`). */
export type PermcSpec = "COLAMD" | "MMD_ATA" | "MMD_AT_PLUS_A" | "NATURAL";

function minimumDegree(n: number, adj: number[][], elems: number[][]): Int32Array {
  const total = n + elems.length;
  const lsize = new Int32Array(total);
  const E: number[][] = Array.from({ length: n }, () => []);
  const Lv: (number[] | null)[] = new Array(total).fill(null);
  const alive = new Uint8Array(total); // 1 variable, 2 element, 0 dead
  for (let i = 0; i < n; i++) alive[i] = 1;
  for (let e = 0; e < elems.length; e++) {
    const id = n + e;
    Lv[id] = elems[e];
    lsize[id] = elems[e].length;
    alive[id] = 2;
    for (const v of elems[e]) E[v].push(id);
  }
  // Degree buckets: doubly linked lists.
  const head = new Int32Array(n).fill(-1), next = new Int32Array(n), prev = new Int32Array(n);
  const deg = new Int32Array(n);
  const insert = (i: number, d: number) => {
    deg[i] = d;
    next[i] = head[d];
    prev[i] = -1;
    if (head[d] >= 0) prev[head[d]] = i;
    head[d] = i;
  };
  const remove = (i: number) => {
    if (prev[i] >= 0) next[prev[i]] = next[i];
    else head[deg[i]] = next[i];
    if (next[i] >= 0) prev[next[i]] = prev[i];
  };
  for (let i = 0; i < n; i++) {
    let d = adj[i].length;
    for (const e of E[i]) d += lsize[e] - 1;
    insert(i, Math.min(d, n - 1));
  }
  const mark = new Int32Array(total), wmark = new Int32Array(total), w = new Int32Array(total);
  const order = new Int32Array(n);
  let stamp = 0, mindeg = 0;
  for (let k = 0; k < n; k++) {
    while (head[mindeg] < 0) mindeg++;
    const p = head[mindeg];
    remove(p);
    order[k] = p;
    stamp++;
    // L_p: the variables adjacent to p directly or through its elements (absorbed into p).
    const Lp: number[] = [];
    mark[p] = stamp;
    for (const j of adj[p]) {
      if (alive[j] === 1 && mark[j] !== stamp) {
        mark[j] = stamp;
        Lp.push(j);
      }
    }
    for (const e of E[p]) {
      if (alive[e] !== 2) continue;
      for (const j of Lv[e]!) {
        if (alive[j] === 1 && mark[j] !== stamp) {
          mark[j] = stamp;
          Lp.push(j);
        }
      }
      alive[e] = 0;
      Lv[e] = null;
    }
    alive[p] = 2;
    Lv[p] = Lp;
    lsize[p] = Lp.length;
    adj[p] = [];
    E[p] = [];
    // |L_e \ L_p| for every other element next to L_p.
    for (const i of Lp) {
      remove(i);
      for (const e of E[i]) {
        if (alive[e] !== 2) continue;
        if (wmark[e] !== stamp) {
          wmark[e] = stamp;
          w[e] = lsize[e];
        }
        w[e]--;
      }
    }
    const left = n - k - 1;
    for (const i of Lp) {
      // Edges to L_p are now covered by the element p: prune them.
      const a = adj[i];
      let na = 0;
      for (let t = 0; t < a.length; t++) {
        const j = a[t];
        if (alive[j] === 1 && mark[j] !== stamp) a[na++] = j;
      }
      a.length = na;
      let d = na + Lp.length - 1;
      const Ei = [p];
      for (const e of E[i]) {
        if (alive[e] !== 2 || e === p) continue;
        if (w[e] === 0) {
          alive[e] = 0; // aggressive absorption: L_e ⊆ L_p
          Lv[e] = null;
          continue;
        }
        d += w[e];
        Ei.push(e);
      }
      E[i] = Ei;
      const dd = Math.max(0, Math.min(d, left - 1));
      insert(i, dd);
      if (dd < mindeg) mindeg = dd;
    }
  }
  return order;
}

/** True when the square canonical `A` has a symmetric nonzero pattern. */
export function symmetricPattern(A: Csc): boolean {
  const n = A.n, p = A.p, ai = A.i;
  if (A.m !== n) return false;
  // Count the entries of each row; a symmetric pattern has equal row and column counts,
  // then every (i, j) must have its (j, i): check by walking rows in column order.
  const cnt = new Int32Array(n);
  for (let k = 0; k < p[n]; k++) cnt[ai[k]]++;
  for (let j = 0; j < n; j++) if (cnt[j] !== p[j + 1] - p[j]) return false;
  // Row-wise pattern (columns ascending per row), compared with the columns.
  const rp = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rp[i + 1] = rp[i] + cnt[i];
  const next = rp.slice(0, n), rj = new Int32Array(p[n]);
  for (let j = 0; j < n; j++) for (let k = p[j]; k < p[j + 1]; k++) rj[next[ai[k]]++] = j;
  for (let k = 0; k < p[n]; k++) if (rj[k] !== ai[k]) return false;
  return true;
}

/**
 * The column order `q` (`q[k]` = the column factored k-th) for `spec`; `undefined` chooses
 * `"MMD_AT_PLUS_A"` for a symmetric pattern and `"COLAMD"` otherwise.
 */
export function columnOrder(A: Csc, spec: unknown, where: string): Int32Array {
  const n = A.n, p = A.p, ai = A.i;
  if (spec === undefined) spec = symmetricPattern(A) ? "MMD_AT_PLUS_A" : "COLAMD";
  if (spec === "NATURAL") {
    const q = new Int32Array(n);
    for (let k = 0; k < n; k++) q[k] = k;
    return q;
  }
  if (spec === "MMD_AT_PLUS_A") {
    const adj: number[][] = Array.from({ length: n }, () => []);
    const seen = new Int32Array(n).fill(-1);
    for (let j = 0; j < n; j++) {
      for (let k = p[j]; k < p[j + 1]; k++) {
        const i = ai[k];
        if (i !== j) {
          adj[j].push(i);
          adj[i].push(j);
        }
      }
    }
    for (let j = 0; j < n; j++) {
      const a = adj[j];
      let w = 0;
      for (let t = 0; t < a.length; t++) {
        if (seen[a[t]] !== j) {
          seen[a[t]] = j;
          a[w++] = a[t];
        }
      }
      a.length = w;
    }
    return minimumDegree(n, adj, []);
  }
  if (spec === "COLAMD" || spec === "MMD_ATA") {
    const m = A.m;
    const rows: number[][] = Array.from({ length: m }, () => []);
    for (let j = 0; j < n; j++) for (let k = p[j]; k < p[j + 1]; k++) rows[ai[k]].push(j);
    const dense = Math.max(16, 10 * Math.sqrt(n));
    const elems = rows.filter((r) => r.length > 0 && r.length <= dense);
    return minimumDegree(n, Array.from({ length: n }, () => []), elems);
  }
  throw new RangeError(
    `${where}: permcSpec must be "COLAMD", "MMD_ATA", "MMD_AT_PLUS_A" or "NATURAL", got ${
      JSON.stringify(spec)
    }`,
  );
}
