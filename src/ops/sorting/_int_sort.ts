// Value sorts of runs of 8-, 16- and 32-bit integers (or integer sort keys): counting sort for
// 8-bit values and for long runs of 16-bit ones, LSD radix sort (11-bit digits) for long runs of
// 32-bit ones, and the typed array's native numeric `sort()` otherwise. Each kernel works on
// an unsigned view of the bytes; signed values are ordered by flipping their sign bit.

const COUNT16_MIN = 1 << 15; // a 65536-bucket histogram pays off from here
const RADIX32_MIN = 1 << 11;
const B = 2048;
const M = B - 1;

type Signed = Int8Array | Int16Array | Int32Array;
type Unsigned = Uint8Array | Uint16Array | Uint32Array;

/** Sorts runs of integers of one width and signedness, reusing scratch memory between runs. */
export class IntRunSorter {
  readonly bytes: 1 | 2 | 4;
  readonly signed: boolean;
  #hist: Uint32Array | null = null;
  #tmp: Uint32Array | null = null;

  constructor(bytes: 1 | 2 | 4, signed: boolean) {
    this.bytes = bytes;
    this.signed = signed;
  }

  /** Sorts the `n` elements starting at byte `byteOffset` of `buffer` in place. */
  sort(buffer: ArrayBufferLike, byteOffset: number, n: number): void {
    if (n < 2) return;
    const flip = this.signed ? 1 << (8 * this.bytes - 1) : 0;
    if (this.bytes === 1) {
      this.#hist ??= new Uint32Array(256);
      counting8(new Uint8Array(buffer, byteOffset, n), flip, this.#hist);
    } else if (this.bytes === 2) {
      if (n < COUNT16_MIN) native(buffer, byteOffset, n, 2, this.signed);
      else {
        this.#hist ??= new Uint32Array(65536);
        counting16(new Uint16Array(buffer, byteOffset, n), flip, this.#hist);
      }
    } else if (n < RADIX32_MIN) native(buffer, byteOffset, n, 4, this.signed);
    else {
      this.#hist ??= new Uint32Array(3 * B);
      if (this.#tmp === null || this.#tmp.length < n) this.#tmp = new Uint32Array(n);
      radix32(new Uint32Array(buffer, byteOffset, n), flip >>> 0, this.#tmp, this.#hist);
    }
  }
}

function native(buffer: ArrayBufferLike, byteOffset: number, n: number, bytes: 2 | 4, s: boolean) {
  const v: Signed | Unsigned = bytes === 2
    ? (s ? new Int16Array(buffer, byteOffset, n) : new Uint16Array(buffer, byteOffset, n))
    : (s ? new Int32Array(buffer, byteOffset, n) : new Uint32Array(buffer, byteOffset, n));
  v.sort();
}

function counting8(a: Uint8Array, flip: number, H: Uint32Array): void {
  H.fill(0);
  const n = a.length;
  for (let i = 0; i < n; i++) H[a[i] ^ flip]++;
  for (let k = 0, o = 0; k < 256; k++) {
    const c = H[k];
    if (c !== 0) {
      a.fill(k ^ flip, o, o + c);
      o += c;
    }
  }
}

function counting16(a: Uint16Array, flip: number, H: Uint32Array): void {
  H.fill(0);
  const n = a.length;
  for (let i = 0; i < n; i++) H[a[i] ^ flip]++;
  for (let k = 0, o = 0; k < 65536; k++) {
    const c = H[k];
    if (c !== 0) {
      a.fill(k ^ flip, o, o + c);
      o += c;
    }
  }
}

function radix32(a: Uint32Array, flip: number, tmp: Uint32Array, H: Uint32Array): void {
  const n = a.length;
  H.fill(0);
  for (let i = 0; i < n; i++) {
    const k = (a[i] ^ flip) >>> 0;
    H[k & M]++;
    H[B + ((k >>> 11) & M)]++;
    H[2 * B + (k >>> 22)]++;
  }
  let src = a, dst = tmp;
  for (let p = 0; p < 3; p++) {
    const base = p * B;
    let sum = 0, trivial = false;
    for (let b = base; b < base + B; b++) {
      const c = H[b];
      if (c === n) trivial = true;
      H[b] = sum;
      sum += c;
    }
    if (trivial) continue;
    const shift = 11 * p;
    for (let i = 0; i < n; i++) {
      const v = src[i];
      dst[H[base + ((((v ^ flip) >>> 0) >>> shift) & M)]++] = v;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src.subarray(0, n));
}
