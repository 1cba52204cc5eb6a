// Stable sorts of (key, payload) pairs on scratch typed arrays: LSD radix sort with 11-bit
// digits for long runs, a bottom-up merge sort (insertion-sorted runs) for short ones. Keys are
// unsigned 32-bit words (`k`) or pairs of them (`hi`, `lo`) already transformed so that unsigned
// order is the wanted order; the payload `ix` is an Int32Array of positions that moves with the
// keys. On return `ix` holds the payload in sorted order and the key arrays hold unspecified
// values (they are scratch). Every kernel reads and writes its own typed-array types only (monomorphic loops).

const RADIX_MIN = 192; // below this many keys a merge sort is faster than radix passes
const WIDE_MIN = 1 << 15; // from this many keys on, 11-bit digits beat 8-bit ones
const RUN = 16; // insertion-sorted run length of the merge sort
const MAX_BUCKETS = 1 << 11;

/** Scratch buffers for sorting up to `cap` keys, reused across rows. */
export class SortScratch {
  k2: Uint32Array;
  h2: Uint32Array;
  ix2: Int32Array;
  hist: Uint32Array = new Uint32Array(8 * MAX_BUCKETS);
  constructor(public cap: number, wide: boolean) {
    this.k2 = new Uint32Array(cap);
    this.h2 = new Uint32Array(wide ? cap : 0);
    this.ix2 = new Int32Array(cap);
  }
}

/** Sorts `n` 32-bit keys `k` (with payload `ix`) stably, in place. `bits` bounds the key width. */
export function sortU32(
  k: Uint32Array,
  ix: Int32Array,
  n: number,
  bits: number,
  s: SortScratch,
): void {
  if (n < 2) return;
  if (n < RADIX_MIN) mergeU32(k, ix, n, s);
  else radixU32(k, ix, n, bits, n < WIDE_MIN ? 8 : 11, s);
}

/** LSD radix sort on `keyBits`-bit keys with `b`-bit digits. */
function radixU32(
  k: Uint32Array,
  ix: Int32Array,
  n: number,
  keyBits: number,
  b: number,
  s: SortScratch,
) {
  const H = s.hist, B = 1 << b, mask = B - 1;
  const passes = Math.ceil(keyBits / b);
  H.fill(0, 0, passes * B);
  for (let i = 0; i < n; i++) {
    const v = k[i];
    for (let d = 0; d < passes; d++) H[d * B + ((v >>> (d * b)) & mask)]++;
  }
  let ka = k, ia = ix, kb = s.k2, ib = s.ix2;
  for (let p = 0; p < passes; p++) {
    const base = p * B;
    if (!prefix(H, base, B, n)) continue;
    const shift = p * b;
    for (let i = 0; i < n; i++) {
      const v = ka[i];
      const j = H[base + ((v >>> shift) & mask)]++;
      kb[j] = v;
      ib[j] = ia[i];
    }
    const tk = ka, ti = ia;
    ka = kb;
    ia = ib;
    kb = tk;
    ib = ti;
  }
  if (ia !== ix) ix.set(ia.subarray(0, n));
}

/** Exclusive prefix sums of one histogram; false when one bucket holds everything (no-op pass). */
function prefix(H: Uint32Array, base: number, B: number, n: number): boolean {
  let sum = 0;
  for (let i = base; i < base + B; i++) {
    const c = H[i];
    if (c === n) return false;
    H[i] = sum;
    sum += c;
  }
  return true;
}

function mergeU32(k: Uint32Array, ix: Int32Array, n: number, s: SortScratch): void {
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const v = k[i], x = ix[i];
      let j = i - 1;
      while (j >= lo && k[j] > v) {
        k[j + 1] = k[j];
        ix[j + 1] = ix[j];
        j--;
      }
      k[j + 1] = v;
      ix[j + 1] = x;
    }
  }
  let ka = k, ia = ix, kb = s.k2, ib = s.ix2;
  for (let w = RUN; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(n, lo + w), hi = Math.min(n, lo + 2 * w);
      let i = lo, j = mid, o = lo;
      while (i < mid && j < hi) {
        if (ka[j] < ka[i]) {
          kb[o] = ka[j];
          ib[o++] = ia[j++];
        } else {
          kb[o] = ka[i];
          ib[o++] = ia[i++];
        }
      }
      while (i < mid) {
        kb[o] = ka[i];
        ib[o++] = ia[i++];
      }
      while (j < hi) {
        kb[o] = ka[j];
        ib[o++] = ia[j++];
      }
    }
    const tk = ka, ti = ia;
    ka = kb;
    ia = ib;
    kb = tk;
    ib = ti;
  }
  if (ia !== ix) ix.set(ia.subarray(0, n));
}

/** Sorts `n` 64-bit keys (`hi`, `lo`) with payload `ix` stably, in place. */
export function sortU64(
  hi: Uint32Array,
  lo: Uint32Array,
  ix: Int32Array,
  n: number,
  s: SortScratch,
): void {
  if (n < 2) return;
  if (n < RADIX_MIN) mergeU64(hi, lo, ix, n, s);
  else radixU64(hi, lo, ix, n, n < WIDE_MIN ? 8 : 11, s);
}

function radixU64(
  hi: Uint32Array,
  lo: Uint32Array,
  ix: Int32Array,
  n: number,
  b: number,
  s: SortScratch,
) {
  const H = s.hist, B = 1 << b, mask = B - 1;
  const ppw = Math.ceil(32 / b); // passes per word
  H.fill(0, 0, 2 * ppw * B);
  const hiBase = ppw * B;
  for (let i = 0; i < n; i++) {
    const l = lo[i], h = hi[i];
    for (let d = 0; d < ppw; d++) {
      const sh = d * b;
      H[d * B + ((l >>> sh) & mask)]++;
      H[hiBase + d * B + ((h >>> sh) & mask)]++;
    }
  }
  let ha = hi, hb = s.h2, la = lo, lb = s.k2, ia = ix, ib = s.ix2;
  for (let p = 0; p < 2 * ppw; p++) {
    const base = p * B;
    if (!prefix(H, base, B, n)) continue;
    const shift = (p % ppw) * b;
    if (p < ppw) {
      for (let i = 0; i < n; i++) {
        const l = la[i];
        const j = H[base + ((l >>> shift) & mask)]++;
        lb[j] = l;
        hb[j] = ha[i];
        ib[j] = ia[i];
      }
      const tl = la;
      la = lb;
      lb = tl;
    } else {
      // The low words are no longer needed once the high digits start.
      for (let i = 0; i < n; i++) {
        const h = ha[i];
        const j = H[base + ((h >>> shift) & mask)]++;
        hb[j] = h;
        ib[j] = ia[i];
      }
    }
    const th = ha, ti = ia;
    ha = hb;
    ia = ib;
    hb = th;
    ib = ti;
  }
  if (ia !== ix) ix.set(ia.subarray(0, n));
}

function less64(h1: number, l1: number, h2: number, l2: number): boolean {
  return h1 < h2 || (h1 === h2 && l1 < l2);
}

function mergeU64(hi: Uint32Array, lo: Uint32Array, ix: Int32Array, n: number, s: SortScratch) {
  for (let a = 0; a < n; a += RUN) {
    const b = Math.min(n, a + RUN);
    for (let i = a + 1; i < b; i++) {
      const h = hi[i], l = lo[i], x = ix[i];
      let j = i - 1;
      while (j >= a && less64(h, l, hi[j], lo[j])) {
        hi[j + 1] = hi[j];
        lo[j + 1] = lo[j];
        ix[j + 1] = ix[j];
        j--;
      }
      hi[j + 1] = h;
      lo[j + 1] = l;
      ix[j + 1] = x;
    }
  }
  let ha = hi, la = lo, ia = ix, hb = s.h2, lb = s.k2, ib = s.ix2;
  for (let w = RUN; w < n; w *= 2) {
    for (let a = 0; a < n; a += 2 * w) {
      const mid = Math.min(n, a + w), end = Math.min(n, a + 2 * w);
      let i = a, j = mid, o = a;
      while (i < mid && j < end) {
        const t = less64(ha[j], la[j], ha[i], la[i]) ? j++ : i++;
        hb[o] = ha[t];
        lb[o] = la[t];
        ib[o++] = ia[t];
      }
      for (; i < mid; i++, o++) {
        hb[o] = ha[i];
        lb[o] = la[i];
        ib[o] = ia[i];
      }
      for (; j < end; j++, o++) {
        hb[o] = ha[j];
        lb[o] = la[j];
        ib[o] = ia[j];
      }
    }
    const th = ha, tl = la, ti = ia;
    ha = hb;
    la = lb;
    ia = ib;
    hb = th;
    lb = tl;
    ib = ti;
  }
  if (ia !== ix) ix.set(ia.subarray(0, n));
}
