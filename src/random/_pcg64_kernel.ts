/**
 * The PCG64 inner loops as WebAssembly (built at load time by `_wasm.ts`): JavaScript has no
 * 64-bit integer arithmetic short of BigInt, which allocates per operation; WebAssembly's i64
 * runs the 128-bit LCG at native speed. Four interleaved lanes (states n+1..n+4, each advanced
 * by M⁴ and the matching increment) break the step-to-step dependency chain.
 *
 * One module instance is shared by every generator: a call copies the generator's state into
 * memory, runs, and the caller copies the state and the outputs back.
 *
 * Memory: bytes 0..48 hold state (lo, hi), increment (lo, hi) and the four-step increment
 * (lo, hi) as little-endian u64; the outputs start at {@link OUT}.
 *
 * @module
 */

import { I32, I64, op, type WasmFunction, wasmModule } from "./_wasm.ts";

/** PCG64's 128-bit multiplier. */
export const PCG_MULT = 0x2360ed051fc65da44385df649fccf645n;
const MASK128 = (1n << 128n) - 1n;
const MASK64 = (1n << 64n) - 1n;
/** M⁴ mod 2¹²⁸: four steps at once. */
const MULT4 = (PCG_MULT ** 4n) & MASK128;

/** Byte offset of the output area. */
export const OUT = 1024;
/** Outputs per call (doubles or raw u64). */
export const CHUNK = 16384;

// Locals: 0 = n (param); 1 ptr, 2 groups, 3 rem (i32); then i64s.
const PTR = 1, GROUPS = 2, REM = 3;
const SLO = 4, SHI = 5, ILO = 6, IHI = 7, C4LO = 8, C4HI = 9;
const LANE = 10; // lane j: lo at LANE + 2j, hi at LANE + 2j + 1
const T0 = 18, T1 = 19, T2 = 20, T3 = 21, T4 = 22;

/** (x, y) ← A·(x, y) + (cLo, cHi) mod 2¹²⁸, with x the low and y the high 64 bits. */
function step(x: number, y: number, a: bigint, cLo: number, cHi: number): number[] {
  const aLo = a & MASK64, aHi = a >> 64n;
  const a0 = aLo & 0xffffffffn, a1 = aLo >> 32n, m32 = op.i64(0xffffffffn), s32 = op.i64(32n);
  return [
    ...op.get(x),
    ...m32,
    ...op.i64And,
    ...op.set(T0),
    ...op.get(x),
    ...s32,
    ...op.i64ShrU,
    ...op.set(T1),
    // partial products of x_lo·aLo in 32-bit halves
    ...op.get(T0),
    ...op.i64(a0),
    ...op.i64Mul,
    ...op.set(T2),
    ...op.get(T0),
    ...op.i64(a1),
    ...op.i64Mul,
    ...op.set(T3),
    ...op.get(T1),
    ...op.i64(a0),
    ...op.i64Mul,
    ...op.set(T4),
    // mid = (p00 >> 32) + lo32(p01) + lo32(p10)
    ...op.get(T2),
    ...s32,
    ...op.i64ShrU,
    ...op.get(T3),
    ...m32,
    ...op.i64And,
    ...op.i64Add,
    ...op.get(T4),
    ...m32,
    ...op.i64And,
    ...op.i64Add,
    ...op.set(T2),
    // high word: p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32) + x·aHi + y·aLo
    ...op.get(T1),
    ...op.i64(a1),
    ...op.i64Mul,
    ...op.get(T3),
    ...s32,
    ...op.i64ShrU,
    ...op.i64Add,
    ...op.get(T4),
    ...s32,
    ...op.i64ShrU,
    ...op.i64Add,
    ...op.get(T2),
    ...s32,
    ...op.i64ShrU,
    ...op.i64Add,
    ...op.get(x),
    ...op.i64(aHi),
    ...op.i64Mul,
    ...op.i64Add,
    ...op.get(y),
    ...op.i64(aLo),
    ...op.i64Mul,
    ...op.i64Add,
    ...op.set(T3),
    // low word and carry
    ...op.get(x),
    ...op.i64(aLo),
    ...op.i64Mul,
    ...op.get(cLo),
    ...op.i64Add,
    ...op.tee(x),
    ...op.get(cLo),
    ...op.i64LtU,
    ...op.i64ExtendI32U,
    ...op.get(T3),
    ...op.i64Add,
    ...op.get(cHi),
    ...op.i64Add,
    ...op.set(y),
  ];
}

/** Stores the XSL-RR output of state (x, y) at ptr + offset, as a raw u64 or a double. */
function output(x: number, y: number, offset: number, doubles: boolean): number[] {
  const raw = [
    ...op.get(y),
    ...op.get(x),
    ...op.i64Xor,
    ...op.get(y),
    ...op.i64(58n),
    ...op.i64ShrU,
    ...op.i64Rotr,
  ];
  if (!doubles) return [...op.get(PTR), ...raw, ...op.i64Store(offset)];
  return [
    ...op.get(PTR),
    ...raw,
    ...op.i64(11n),
    ...op.i64ShrU,
    ...op.f64ConvertI64S,
    ...op.f64(2 ** -53),
    ...op.f64Mul,
    ...op.f64Store(offset),
  ];
}

function kernel(fnName: string, doubles: boolean): WasmFunction {
  const lo = (j: number) => LANE + 2 * j, hi = (j: number) => LANE + 2 * j + 1;
  const b: number[] = [];
  const load = (local: number, at: number) =>
    b.push(...op.i32(at), ...op.i64Load(0), ...op.set(local));
  load(SLO, 0), load(SHI, 8), load(ILO, 16), load(IHI, 24), load(C4LO, 32), load(C4HI, 40);
  b.push(...op.i32(OUT), ...op.set(PTR));
  b.push(...op.get(0), ...op.i32(2), ...op.i32ShrU, ...op.set(GROUPS));
  b.push(...op.get(0), ...op.i32(3), ...op.i32And, ...op.set(REM));
  // Four lanes: states n+1..n+4, then each advances by four steps.
  b.push(...op.block, ...op.get(GROUPS), ...op.i32Eqz, ...op.brIf(0));
  for (let j = 0; j < 4; j++) {
    b.push(...op.get(j === 0 ? SLO : lo(j - 1)), ...op.set(lo(j)));
    b.push(...op.get(j === 0 ? SHI : hi(j - 1)), ...op.set(hi(j)));
    b.push(...step(lo(j), hi(j), PCG_MULT, ILO, IHI));
  }
  b.push(...op.block, ...op.loop);
  for (let j = 0; j < 4; j++) b.push(...output(lo(j), hi(j), 8 * j, doubles));
  b.push(...op.get(PTR), ...op.i32(32), ...op.i32Add, ...op.set(PTR));
  b.push(...op.get(GROUPS), ...op.i32(1), ...op.i32Sub, ...op.tee(GROUPS), ...op.i32Eqz);
  b.push(...op.brIf(1));
  for (let j = 0; j < 4; j++) b.push(...step(lo(j), hi(j), MULT4, C4LO, C4HI));
  b.push(...op.br(0), ...op.end, ...op.end);
  b.push(...op.get(lo(3)), ...op.set(SLO), ...op.get(hi(3)), ...op.set(SHI), ...op.end);
  // The remaining one to three outputs, one step at a time.
  b.push(...op.block, ...op.loop, ...op.get(REM), ...op.i32Eqz, ...op.brIf(1));
  b.push(...step(SLO, SHI, PCG_MULT, ILO, IHI), ...output(SLO, SHI, 0, doubles));
  b.push(...op.get(PTR), ...op.i32(8), ...op.i32Add, ...op.set(PTR));
  b.push(
    ...op.get(REM),
    ...op.i32(1),
    ...op.i32Sub,
    ...op.set(REM),
    ...op.br(0),
    ...op.end,
    ...op.end,
  );
  b.push(...op.i32(0), ...op.get(SLO), ...op.i64Store(0), ...op.i32(8), ...op.get(SHI));
  b.push(...op.i64Store(0));
  return {
    name: fnName,
    params: [I32],
    results: [],
    locals: [I32, I32, I32, ...Array<number>(19).fill(I64)],
    body: b,
  };
}

/** The shared kernel instance. */
export interface PcgKernel {
  /** Writes `n` (≤ CHUNK) raw outputs at OUT and advances the state in memory. */
  raw(n: number): void;
  /** Writes `n` (≤ CHUNK) doubles `(x >> 11)·2⁻⁵³` at OUT and advances the state. */
  dbl(n: number): void;
  /** Memory as 32-bit words (state at 0..11, outputs from OUT / 4). */
  u32: Uint32Array;
  /** Memory as doubles (outputs from OUT / 8). */
  f64: Float64Array;
}

let kernelInstance: PcgKernel | undefined;

/** The kernel, compiled on first use. */
export function pcgKernel(): PcgKernel {
  if (kernelInstance) return kernelInstance;
  const pages = Math.ceil((OUT + 8 * CHUNK) / 65536);
  const bytes = wasmModule([kernel("raw", false), kernel("dbl", true)], pages);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const ex = inst.exports as {
    raw(n: number): void;
    dbl(n: number): void;
    memory: WebAssembly.Memory;
  };
  kernelInstance = {
    raw: ex.raw,
    dbl: ex.dbl,
    u32: new Uint32Array(ex.memory.buffer),
    f64: new Float64Array(ex.memory.buffer),
  };
  return kernelInstance;
}

/** The increment of four steps: inc·(1 + M + M² + M³) mod 2¹²⁸. */
export function fourStepIncrement(inc: bigint): bigint {
  let c = 0n, m = 1n;
  for (let j = 0; j < 4; j++) {
    c = (c + inc * m) & MASK128;
    m = (m * PCG_MULT) & MASK128;
  }
  return c;
}
