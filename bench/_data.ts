// Deterministic benchmark inputs, shared by every library in one process (each library wraps
// the same Float64Array, so no library pays for a different input).

/** Fills `out` with uniform values in [lo, hi) from a fixed-seed xorshift generator. */
function fillUniform(out: Float64Array | Float32Array, seed: number, lo: number, hi: number): void {
  let s = (seed * 2654435761) >>> 0 || 1;
  const scale = (hi - lo) / 4294967296;
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = lo + s * scale;
  }
}

const cache = new Map<string, Float64Array | Float32Array>();

/**
 * `n` float64 values uniform in [-1, 1) for input number `seed`; the same call returns the
 * same (shared, not to be written) buffer.
 */
export function f64(n: number, seed: number): Float64Array {
  const key = `f64:${n}:${seed}`;
  let a = cache.get(key) as Float64Array | undefined;
  if (!a) {
    a = new Float64Array(n);
    fillUniform(a, seed, -1, 1);
    cache.set(key, a);
  }
  return a;
}

/** As {@linkcode f64}, in float32 (for float32 workloads and tfjs, which has no float64). */
export function f32(n: number, seed: number): Float32Array {
  const key = `f32:${n}:${seed}`;
  let a = cache.get(key) as Float32Array | undefined;
  if (!a) {
    a = Float32Array.from(f64(n, seed));
    cache.set(key, a);
  }
  return a;
}

/** The rows of a C-ordered `rows × cols` matrix of `f64(rows * cols, seed)` (for ml-matrix). */
export function rowsOf(rows: number, cols: number, seed: number): Float64Array[] {
  const d = f64(rows * cols, seed);
  return Array.from({ length: rows }, (_, i) => d.slice(i * cols, (i + 1) * cols));
}

/** Drops every cached input (between workloads, to keep memory bounded). */
export function clearInputs(): void {
  cache.clear();
}
