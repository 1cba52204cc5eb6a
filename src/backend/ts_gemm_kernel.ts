/**
 * The register-blocked micro-kernel of the TypeScript gemm and the helpers that store its
 * tiles.
 *
 * The kernel multiplies one packed sliver of A (`MR` rows, `kc` columns, stored column by
 * column: `MR` values per step) by one packed sliver of B (`kc` rows, `NR` columns, stored row
 * by row: `NR` values per step) and adds the `MR×NR` product to a row-major `Float64Array`
 * tile. The eight accumulators live in local variables.
 *
 * Measured in V8 (Deno 2.9, this project's 2-core Xeon): 2×4 is the fastest shape — 4×4, 4×6
 * and 3×8 spill more accumulators to the stack, 2×3 and 1×8 load too much per flop. The loop
 * is bound by instruction throughput (V8 bounds-checks every typed-array load and has no
 * fused multiply-add), so the index arithmetic matters: indices V8 knows to be small and
 * non-negative cost one instruction less per load than plain `i + c`, which needs overflow
 * checks and sign extension (~10% of the kernel's time, ~30% against naive indexing).
 *
 * @module
 */

/** Rows of the register block. */
export const MR = 2;
/** Columns of the register block. */
export const NR = 4;

/**
 * `c[ic + i·ldc + j] += Σ_p ap[ia + p·MR + i] · bp[ib + p·NR + j]` for the 2×4 block.
 * @param kc Length of the inner dimension (steps of the slivers).
 * @param ap Packed A, the sliver starts at `ia`.
 * @param ia Start of the A sliver.
 * @param bp Packed B, the sliver starts at `ib`.
 * @param ib Start of the B sliver.
 * @param c Destination (row-major, unit column stride).
 * @param ic Index of the block's top-left element in `c`.
 * @param ldc Row stride of `c`.
 */
export function kernel2x4(
  kc: number,
  ap: Float64Array,
  ia: number,
  bp: Float64Array,
  ib: number,
  c: Float64Array,
  ic: number,
  ldc: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  // The masks are no-ops for valid arguments; they tell V8 the indices below are small
  // non-negative integers, so each load is one bounds check (no overflow check, no sign
  // extension).
  ia &= 0x3fffffff;
  ib &= 0x3fffffff;
  kc &= 0xffffff;
  for (let p = 0; p < kc; p++) {
    const x = ia + 2 * p, y = ib + 4 * p;
    const a0 = ap[x], a1 = ap[x + 1];
    const b0 = bp[y];
    c00 += a0 * b0;
    c10 += a1 * b0;
    const b1 = bp[y + 1];
    c01 += a0 * b1;
    c11 += a1 * b1;
    const b2 = bp[y + 2];
    c02 += a0 * b2;
    c12 += a1 * b2;
    const b3 = bp[y + 3];
    c03 += a0 * b3;
    c13 += a1 * b3;
  }
  c[ic] += c00;
  c[ic + 1] += c01;
  c[ic + 2] += c02;
  c[ic + 3] += c03;
  const r = ic + ldc;
  c[r] += c10;
  c[r + 1] += c11;
  c[r + 2] += c12;
  c[r + 3] += c13;
}

/**
 * Adds the top-left `mr×nr` corner of a 2×4 tile (row stride `NR`) to a float64 matrix.
 * @param tile The tile the kernel wrote.
 * @param mr Rows to store (≤ MR).
 * @param nr Columns to store (≤ NR).
 * @param c Destination.
 * @param ic Index of the corner in `c`.
 * @param ldc Row stride of `c`.
 */
export function addTileF64(
  tile: Float64Array,
  mr: number,
  nr: number,
  c: Float64Array,
  ic: number,
  ldc: number,
): void {
  for (let i = 0; i < mr; i++) {
    const r = ic + i * ldc, t = i * NR;
    for (let j = 0; j < nr; j++) c[r + j] += tile[t + j];
  }
}

/**
 * Adds the top-left `mr×nr` corner of a 2×4 tile to a float32 matrix (rounding on store).
 * @param tile The tile the kernel wrote.
 * @param mr Rows to store (≤ MR).
 * @param nr Columns to store (≤ NR).
 * @param c Destination.
 * @param ic Index of the corner in `c`.
 * @param ldc Row stride of `c`.
 */
export function addTileF32(
  tile: Float64Array,
  mr: number,
  nr: number,
  c: Float32Array,
  ic: number,
  ldc: number,
): void {
  for (let i = 0; i < mr; i++) {
    const r = ic + i * ldc, t = i * NR;
    for (let j = 0; j < nr; j++) c[r + j] += tile[t + j];
  }
}
