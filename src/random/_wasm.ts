/**
 * A minimal WebAssembly binary writer: just enough to build the random module's kernels at
 * load time from TypeScript (no binary blobs in the repository, no build step). Functions are
 * written as byte sequences with the helpers below; `wasmModule` wraps them with one memory.
 *
 * @module
 */

/** Value types. */
export const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c;

/** Unsigned LEB128. */
export function uleb(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}

/** Signed LEB128 of a 64-bit value (two's complement). */
export function sleb(n: number | bigint): number[] {
  let v = BigInt.asIntN(64, BigInt(n));
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Instruction helpers (each returns the encoded bytes). */
export const op = {
  get: (i: number): number[] => [0x20, ...uleb(i)],
  set: (i: number): number[] => [0x21, ...uleb(i)],
  tee: (i: number): number[] => [0x22, ...uleb(i)],
  i32: (v: number): number[] => [0x41, ...sleb(v)],
  i64: (v: bigint): number[] => [0x42, ...sleb(v)],
  f64: (v: number): number[] => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)],
  i64Load: (offset: number): number[] => [0x29, 3, ...uleb(offset)],
  i64Store: (offset: number): number[] => [0x37, 3, ...uleb(offset)],
  f64Store: (offset: number): number[] => [0x39, 3, ...uleb(offset)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number): number[] => [0x0c, ...uleb(depth)],
  brIf: (depth: number): number[] => [0x0d, ...uleb(depth)],
  i32Eqz: [0x45],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32And: [0x71],
  i32ShrU: [0x76],
  i64LtU: [0x54],
  i64Add: [0x7c],
  i64Mul: [0x7e],
  i64And: [0x83],
  i64Xor: [0x85],
  i64ShrU: [0x88],
  i64Rotr: [0x8a],
  f64Mul: [0xa2],
  i64ExtendI32U: [0xad],
  f64ConvertI64S: [0xb9],
} as const;

/** One exported function. */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  body: number[];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  return vec([...s].map((c) => [c.charCodeAt(0)]));
}

/** The bytes of a module with one exported memory of `pages` 64 KiB pages and `fns`. */
export function wasmModule(fns: readonly WasmFunction[], pages: number): Uint8Array<ArrayBuffer> {
  const types = fns.map((
    f,
  ) => [0x60, ...vec(f.params.map((p) => [p])), ...vec(f.results.map((r) => [r]))]);
  const code = fns.map((f) => {
    const body = [...vec(f.locals.map((t) => [1, t])), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    1,
    0,
    0,
    0,
    ...section(1, vec(types)),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(
      7,
      vec([
        [...name("memory"), 0x02, 0],
        ...fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]),
      ]),
    ),
    ...section(10, vec(code)),
  ]);
}
