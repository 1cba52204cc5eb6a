/**
 * Householder reflector generation for the TS backend's QR, by the rules of LAPACK's
 * `dlarfg`/`zlarfg`: H = I − tau·v·vᴴ with v[0] = 1, beta = −sign(Re alpha)·‖(alpha, x)‖, and
 * a rescaling loop when beta is so small that 1/beta would overflow.
 *
 * @module
 */

/** LAPACK's `safmin/eps`: below it `larfg` rescales to keep 1/beta finite. */
const SAFMIN = 2.2250738585072014e-308 / 1.1102230246251565e-16;

/** ‖x‖₂ of `n` entries of `x` from `off` (step 1), without overflow or harmful underflow. */
function norm2(x: Float64Array, off: number, n: number): number {
  let ss = 0;
  for (let i = off; i < off + n; i++) ss += x[i] * x[i];
  if (ss < Infinity && ss > 1e-280) return Math.sqrt(ss);
  let big = 0;
  for (let i = off; i < off + n; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0 || big === Infinity || big !== big) return big;
  ss = 0;
  for (let i = off; i < off + n; i++) {
    const v = x[i] / big;
    ss += v * v;
  }
  return big * Math.sqrt(ss);
}

/** True when `x` is negative or −0 (Fortran's SIGN(1, x) < 0). */
function negative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/**
 * Real `dlarfg` on the column segment of `len` entries at `a[off]` (alpha first): overwrites
 * alpha by beta and the rest by v[1:]; returns tau.
 */
export function larfgReal(len: number, a: Float64Array, off: number): number {
  if (len <= 1) return 0;
  let xnorm = norm2(a, off + 1, len - 1);
  if (xnorm === 0) return 0;
  let alpha = a[off];
  let beta = Math.hypot(alpha, xnorm);
  if (!negative(alpha)) beta = -beta;
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    const rs = 1 / SAFMIN;
    do {
      knt++;
      for (let i = off + 1; i < off + len; i++) a[i] *= rs;
      beta *= rs, alpha *= rs;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    xnorm = norm2(a, off + 1, len - 1);
    beta = Math.hypot(alpha, xnorm);
    if (!negative(alpha)) beta = -beta;
  }
  const tau = (beta - alpha) / beta, scale = 1 / (alpha - beta);
  for (let i = off + 1; i < off + len; i++) a[i] *= scale;
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  a[off] = beta;
  return tau;
}

/**
 * Complex `zlarfg` on the interleaved column segment of `len` entries at element `off`:
 * overwrites alpha by the real beta and the rest by v[1:]; writes tau to `tau[2t], tau[2t+1]`.
 */
export function larfgComplex(
  len: number,
  a: Float64Array,
  off: number,
  tau: Float64Array,
  t: number,
): void {
  tau[2 * t] = 0, tau[2 * t + 1] = 0;
  if (len <= 0) return;
  const o = 2 * off;
  let xnorm = norm2(a, o + 2, 2 * (len - 1));
  let ar = a[o], ai = a[o + 1];
  if (xnorm === 0 && ai === 0) return;
  let beta = Math.hypot(ar, ai, xnorm);
  if (!negative(ar)) beta = -beta;
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    const rs = 1 / SAFMIN;
    do {
      knt++;
      for (let i = o + 2; i < o + 2 * len; i++) a[i] *= rs;
      beta *= rs, ar *= rs, ai *= rs;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    xnorm = norm2(a, o + 2, 2 * (len - 1));
    beta = Math.hypot(ar, ai, xnorm);
    if (!negative(ar)) beta = -beta;
  }
  tau[2 * t] = (beta - ar) / beta, tau[2 * t + 1] = -ai / beta;
  // Scale v[1:] by 1/(alpha − beta), computed by Smith's division.
  const dr = ar - beta, di = ai;
  let sr: number, si: number;
  if (Math.abs(dr) >= Math.abs(di)) {
    const q = di / dr, d = dr + di * q;
    sr = 1 / d, si = -q / d;
  } else {
    const q = dr / di, d = di + dr * q;
    sr = q / d, si = -1 / d;
  }
  for (let i = o + 2; i < o + 2 * len; i += 2) {
    const xr = a[i], xi = a[i + 1];
    a[i] = xr * sr - xi * si, a[i + 1] = xr * si + xi * sr;
  }
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  a[o] = beta, a[o + 1] = 0;
}
