// Complex ordering as NumPy sorts it: lexicographic on (re, im), with every value holding a NaN
// after all NaN-free values, in the order R+Rj < R+nanj < nan+Rj < nan+nanj.

/** NumPy's `a < b` for complex values (the order `sort` uses, NaNs last). */
export function complexLess(ar: number, ai: number, br: number, bi: number): boolean {
  if (ar < br) return ai === ai || bi !== bi;
  if (ar > br) return bi !== bi && ai === ai;
  if (ar === br || (ar !== ar && br !== br)) return ai < bi || (bi !== bi && ai === ai);
  return br !== br;
}

const RUN = 16;

/** Scratch for {@linkcode sortComplexKeys}. */
export class ComplexScratch {
  re2: Float64Array;
  im2: Float64Array;
  ix2: Int32Array;
  constructor(cap: number) {
    this.re2 = new Float64Array(cap);
    this.im2 = new Float64Array(cap);
    this.ix2 = new Int32Array(cap);
  }
}

/**
 * Stable merge sort of `n` complex keys (`re`, `im`) carrying the payload `ix`. On return `ix`
 * is in sorted order; the key arrays hold unspecified values.
 */
export function sortComplexKeys(
  re: Float64Array,
  im: Float64Array,
  ix: Int32Array,
  n: number,
  s: ComplexScratch,
): void {
  for (let a = 0; a < n; a += RUN) {
    const b = Math.min(n, a + RUN);
    for (let i = a + 1; i < b; i++) {
      const r = re[i], m = im[i], x = ix[i];
      let j = i - 1;
      while (j >= a && complexLess(r, m, re[j], im[j])) {
        re[j + 1] = re[j];
        im[j + 1] = im[j];
        ix[j + 1] = ix[j];
        j--;
      }
      re[j + 1] = r;
      im[j + 1] = m;
      ix[j + 1] = x;
    }
  }
  let ra = re, ma = im, ia = ix, rb = s.re2, mb = s.im2, ib = s.ix2;
  for (let w = RUN; w < n; w *= 2) {
    for (let a = 0; a < n; a += 2 * w) {
      const mid = Math.min(n, a + w), end = Math.min(n, a + 2 * w);
      let i = a, j = mid, o = a;
      while (i < mid && j < end) {
        const t = complexLess(ra[j], ma[j], ra[i], ma[i]) ? j++ : i++;
        rb[o] = ra[t];
        mb[o] = ma[t];
        ib[o++] = ia[t];
      }
      for (; i < mid; i++, o++) {
        rb[o] = ra[i];
        mb[o] = ma[i];
        ib[o] = ia[i];
      }
      for (; j < end; j++, o++) {
        rb[o] = ra[j];
        mb[o] = ma[j];
        ib[o] = ia[j];
      }
    }
    const tr = ra, tm = ma, ti = ia;
    ra = rb;
    ma = mb;
    ia = ib;
    rb = tr;
    mb = tm;
    ib = ti;
  }
  if (ia !== ix) ix.set(ia.subarray(0, n));
}
