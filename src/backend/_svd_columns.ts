/**
 * Column storage of the SVD's U and V factors and the application of Givens rotations to it
 * (internal to the TS backend's `gesdd`).
 *
 * U and V are kept column-major and reached through column views (indexing a view is markedly
 * faster in V8 than offset arithmetic on one large array), so every Givens rotation of the
 * bidiagonal QR combines two contiguous columns. The rotations of a sweep are stored, then
 * applied in scaled ("fast Givens") form, four per pass over the rows. A real rotation acts
 * identically on the interleaved (re, im) pairs of a complex column, so the same code serves
 * real and complex factors.
 *
 * @module
 */

/** Views of the first `count` columns (column j at j·ld, `len` entries) of x. */
export function columnViews(
  x: Float64Array,
  ld: number,
  len: number,
  count: number,
): Float64Array[] {
  const out: Float64Array[] = [];
  for (let j = 0; j < count; j++) out.push(x.subarray(j * ld, j * ld + len));
  return out;
}

/**
 * Columns whose rotations are applied in scaled ("fast Givens") form: the true column j is
 * scale[j]·col[j]. A rotation (x, y) ← (c·x + s·y, c·y − s·x) of columns p, p+1 with scales
 * dx, dy becomes x̃ ← x̃ + α·ỹ, ỹ ← ỹ + β·x̃ with α = (s/c)·(dy/dx), β = −(s/c)·(dx/dy), and
 * both scales multiply by c: two multiplications per entry instead of four. The coefficient
 * form is backward stable for any c; nearly-zero c (huge α) and scales drifting towards
 * underflow fall back to an explicit rotation that resets both scales to 1.
 */
export interface ScaledColumns {
  /** Column views, each `len` entries. */
  col: Float64Array[];
  /** Column scales. */
  scale: Float64Array;
  /** Entries per column (2·rows for complex columns). */
  len: number;
  /** Per-pair α (or, for explicit rotations, the scaled c·dx). */
  fa: Float64Array;
  /** Per-pair β (or the scaled s·dy). */
  fb: Float64Array;
  /** Per-pair c·dy of explicit rotations. */
  fc: Float64Array;
  /** Per-pair −s·dx of explicit rotations. */
  fd: Float64Array;
  /** 1 where the pair needs an explicit rotation. */
  explicit: Uint8Array;
}

/** Views and unit scales for the first n columns of x (column j at j·ld, len entries). */
export function scaledColumns(x: Float64Array, ld: number, len: number, n: number): ScaledColumns {
  const f = () => new Float64Array(n);
  return {
    col: columnViews(x, ld, len, n),
    scale: new Float64Array(n).fill(1),
    len,
    fa: f(),
    fb: f(),
    fc: f(),
    fd: f(),
    explicit: new Uint8Array(n),
  };
}

/** Smallest c and scale kept in the scaled form. */
const FAST_MIN_C = 2 ** -10, FAST_MIN_SCALE = 2 ** -400;

/** Turns the rotation (c, s) of pair p into scaled-form coefficients, updating the scales. */
function scaledCoefficients(sc: ScaledColumns, p: number, c: number, s: number): void {
  const d = sc.scale, dx = d[p], dy = d[p + 1];
  if (c >= FAST_MIN_C && c * Math.min(Math.abs(dx), Math.abs(dy)) > FAST_MIN_SCALE) {
    const t = s / c;
    sc.fa[p] = t * (dy / dx), sc.fb[p] = -t * (dx / dy), sc.explicit[p] = 0;
    d[p] = c * dx, d[p + 1] = c * dy;
  } else {
    sc.fa[p] = c * dx, sc.fb[p] = s * dy, sc.fc[p] = c * dy, sc.fd[p] = -s * dx;
    sc.explicit[p] = 1;
    d[p] = 1, d[p + 1] = 1;
  }
}

/** Applies the explicit rotation of pair p (see {@link ScaledColumns}). */
function explicitRotation(sc: ScaledColumns, p: number): void {
  const x = sc.col[p], y = sc.col[p + 1], len = sc.len;
  const a = sc.fa[p], b = sc.fb[p], c = sc.fc[p], d = sc.fd[p];
  for (let i = 0; i < len; i++) {
    const u = x[i], v = y[i];
    x[i] = a * u + b * v;
    y[i] = c * v + d * u;
  }
}

/** Applies the scaled rotation of pair p (see {@link ScaledColumns}) on its own. */
function scaledRotation(sc: ScaledColumns, p: number): void {
  const a = sc.fa[p], b = sc.fb[p], x = sc.col[p], y = sc.col[p + 1], len = sc.len;
  if (a === 0 && b === 0) return;
  for (let i = 0; i < len; i++) {
    const u = x[i], v = y[i];
    x[i] = u + a * v;
    y[i] = v + b * u;
  }
}

/**
 * Applies the rotations (c at rot[co + p], s at rot[so + p]) of pairs lo..hi−1 in increasing
 * order: (x_p, x_p+1) ← (c·x_p + s·x_p+1, c·x_p+1 − s·x_p). Four scaled rotations share one
 * pass over the rows.
 */
export function rotForward(
  sc: ScaledColumns,
  lo: number,
  hi: number,
  rot: Float64Array,
  co: number,
  so: number,
): void {
  for (let p = lo; p < hi; p++) scaledCoefficients(sc, p, rot[co + p], rot[so + p]);
  const col = sc.col, len = sc.len, fa = sc.fa, fb = sc.fb, ex = sc.explicit;
  let p = lo;
  while (p < hi) {
    if (ex[p]) {
      explicitRotation(sc, p++);
      continue;
    }
    if (p + 3 < hi && !ex[p + 1] && !ex[p + 2] && !ex[p + 3]) {
      const a1 = fa[p], b1 = fb[p], a2 = fa[p + 1], b2 = fb[p + 1];
      const a3 = fa[p + 2], b3 = fb[p + 2], a4 = fa[p + 3], b4 = fb[p + 3];
      const x1 = col[p], x2 = col[p + 1], x3 = col[p + 2], x4 = col[p + 3], x5 = col[p + 4];
      for (let i = 0; i < len; i++) {
        let t = x1[i], z = x2[i];
        x1[i] = t + a1 * z;
        t = z + b1 * t;
        z = x3[i];
        x2[i] = t + a2 * z;
        t = z + b2 * t;
        z = x4[i];
        x3[i] = t + a3 * z;
        t = z + b3 * t;
        z = x5[i];
        x4[i] = t + a4 * z;
        x5[i] = z + b4 * t;
      }
      p += 4;
      continue;
    }
    scaledRotation(sc, p++);
  }
}

/** As {@link rotForward}, but the pairs are applied in decreasing order hi−1..lo. */
export function rotBackward(
  sc: ScaledColumns,
  lo: number,
  hi: number,
  rot: Float64Array,
  co: number,
  so: number,
): void {
  for (let p = hi - 1; p >= lo; p--) scaledCoefficients(sc, p, rot[co + p], rot[so + p]);
  const col = sc.col, len = sc.len, fa = sc.fa, fb = sc.fb, ex = sc.explicit;
  let p = hi - 1;
  while (p >= lo) {
    if (ex[p]) {
      explicitRotation(sc, p--);
      continue;
    }
    if (p - 3 >= lo && !ex[p - 1] && !ex[p - 2] && !ex[p - 3]) {
      const a1 = fa[p], b1 = fb[p], a2 = fa[p - 1], b2 = fb[p - 1];
      const a3 = fa[p - 2], b3 = fb[p - 2], a4 = fa[p - 3], b4 = fb[p - 3];
      const x5 = col[p + 1], x4 = col[p], x3 = col[p - 1], x2 = col[p - 2], x1 = col[p - 3];
      for (let i = 0; i < len; i++) {
        let t = x4[i], z = x5[i];
        x5[i] = z + b1 * t;
        t = t + a1 * z;
        z = t;
        t = x3[i];
        x4[i] = z + b2 * t;
        t = t + a2 * z;
        z = t;
        t = x2[i];
        x3[i] = z + b3 * t;
        t = t + a3 * z;
        z = t;
        t = x1[i];
        x2[i] = z + b4 * t;
        x1[i] = t + a4 * z;
      }
      p -= 4;
      continue;
    }
    scaledRotation(sc, p--);
  }
}

/** Multiplies every column by its scale (the scales become 1). */
export function unscale(sc: ScaledColumns): void {
  for (let j = 0; j < sc.col.length; j++) {
    const f = sc.scale[j], x = sc.col[j];
    if (f === 1) continue;
    for (let i = 0; i < sc.len; i++) x[i] *= f;
    sc.scale[j] = 1;
  }
}

/** Swaps columns i and j (length len, stride ld) of x. */
export function swapColumns(x: Float64Array, ld: number, len: number, i: number, j: number): void {
  const oi = i * ld, oj = j * ld;
  for (let r = 0; r < len; r++) {
    const t = x[oi + r];
    x[oi + r] = x[oj + r];
    x[oj + r] = t;
  }
}
