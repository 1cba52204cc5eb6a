/**
 * Implicit QR with Wilkinson shifts on a symmetric tridiagonal matrix (LAPACK `steqr`), with
 * 2×2 blocks solved directly (`laev2`).
 *
 * @module
 */

import { EPS, SAFMIN } from "./_machine.ts";

/**
 * Diagonalises the symmetric tridiagonal (d, e[0..n−2]) in place by implicit QR steps with
 * Wilkinson shifts. When `z` is given, rotation k acts on the contiguous columns
 * `z[zoff + k·ldz …]` and `z[zoff + (k+1)·ldz …]` of length `zlen`. Returns 0, or the number
 * of off-diagonal entries that did not converge.
 */
export function tridiagonalQR(
  n: number,
  d: Float64Array,
  e: Float64Array,
  z: Float64Array | null,
  zoff: number,
  ldz: number,
  zlen: number,
): number {
  const eps2 = EPS * EPS;
  const maxIter = 30 * n;
  let iter = 0;
  let hi = n - 1;
  while (hi > 0) {
    let lo = hi;
    while (lo > 0) {
      const x = e[lo - 1];
      if (x * x <= eps2 * Math.abs(d[lo - 1]) * Math.abs(d[lo]) + SAFMIN) {
        e[lo - 1] = 0;
        break;
      }
      lo--;
    }
    if (lo === hi) {
      hi--;
      continue;
    }
    if (lo === hi - 1) {
      // A 2×2 block: solve it directly (LAPACK's dlaev2), exact on small integer matrices.
      const r = eigen2x2(d[lo], e[lo], d[hi]);
      d[lo] = r[0], d[hi] = r[1], e[lo] = 0;
      if (z !== null) rotate(z, zoff + lo * ldz, zoff + hi * ldz, zlen, r[2], r[3]);
      hi -= 2;
      continue;
    }
    if (++iter > maxIter) {
      let bad = 0;
      for (let k = 0; k < n - 1; k++) if (e[k] !== 0) bad++;
      return bad;
    }
    // Wilkinson shift: the eigenvalue of the trailing 2×2 closer to d[hi].
    const eh = e[hi - 1];
    const delta = 0.5 * (d[hi - 1] - d[hi]);
    const root = Math.hypot(delta, eh);
    const mu = d[hi] - eh * eh / (delta >= 0 ? delta + root : delta - root);
    let x = d[lo] - mu, y = e[lo];
    for (let k = lo; k < hi; k++) {
      let r = Math.sqrt(x * x + y * y);
      if (!(r > 1e-150 && r < 1e150)) r = Math.hypot(x, y);
      let c = 1, sn = 0;
      if (r !== 0) c = x / r, sn = y / r;
      if (k > lo) e[k - 1] = r;
      const a = d[k], b = e[k], dd = d[k + 1];
      const cc = c * c, ss = sn * sn, cs = c * sn;
      d[k] = cc * a + 2 * cs * b + ss * dd;
      d[k + 1] = ss * a - 2 * cs * b + cc * dd;
      e[k] = cs * (dd - a) + (cc - ss) * b;
      if (k < hi - 1) {
        x = e[k];
        y = sn * e[k + 1];
        e[k + 1] *= c;
      }
      if (z !== null && sn !== 0) rotate(z, zoff + k * ldz, zoff + (k + 1) * ldz, zlen, c, sn);
    }
  }
  return 0;
}

/** Columns p0 and p1 (length len) of z become c·z₀ + s·z₁ and c·z₁ − s·z₀. */
function rotate(z: Float64Array, p0: number, p1: number, len: number, c: number, s: number): void {
  for (let j = 0; j < len; j++) {
    const u = z[p0 + j], v = z[p1 + j];
    z[p0 + j] = c * u + s * v;
    z[p1 + j] = c * v - s * u;
  }
}

/** Result slots of {@link eigen2x2}: rt1, rt2, cs, sn. */
const EIG2 = new Float64Array(4);

/**
 * Eigen-decomposition of the symmetric [[a, b], [b, c]] (the algorithm of LAPACK's dlaev2):
 * rt1 (the larger in absolute value), rt2, and (cs, sn), the unit eigenvector of rt1.
 */
function eigen2x2(a: number, b: number, c: number): Float64Array {
  const sm = a + c, df = a - c, adf = Math.abs(df), tb = b + b, ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  const rt = adf > ab
    ? adf * Math.sqrt(1 + (ab / adf) ** 2)
    : adf < ab
    ? ab * Math.sqrt(1 + (adf / ab) ** 2)
    : ab * Math.SQRT2;
  let rt1: number, rt2: number, sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt), sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt), sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt, rt2 = -0.5 * rt, sgn1 = 1;
  }
  const sgn2 = df >= 0 ? 1 : -1;
  const cs = df >= 0 ? df + rt : df - rt;
  let cs1: number, sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct), cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1, sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn), sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) [cs1, sn1] = [-sn1, cs1];
  EIG2[0] = rt1, EIG2[1] = rt2, EIG2[2] = cs1, EIG2[3] = sn1;
  return EIG2;
}
