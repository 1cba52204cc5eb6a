// A tiny ONNX model written byte by byte: `Y = MatMul(X, W) + B` with W and B stored as
// initializers, serialized with a minimal protobuf encoder (varints, length-delimited
// fields) following onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
// ValueInfoProto). Used by the ONNX Runtime interop tests and walkthrough 3.

/** Writes protobuf fields into a growing byte list. */
class Writer {
  readonly bytes: number[] = [];
  varint(v: number | bigint): this {
    let x = BigInt(v);
    if (x < 0n) x += 1n << 64n; // negative int64: two's complement, 10 bytes
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x !== 0n) b |= 0x80;
      this.bytes.push(b);
    } while (x !== 0n);
    return this;
  }
  /** A varint field (wire type 0). */
  int(field: number, v: number | bigint): this {
    return this.varint(field << 3).varint(v);
  }
  /** A length-delimited field (wire type 2). */
  raw(field: number, data: Uint8Array): this {
    this.varint((field << 3) | 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  str(field: number, s: string): this {
    return this.raw(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Writer): this {
    return this.raw(field, m.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** ONNX TensorProto.DataType codes of the element types the model supports. */
const ELEM = { float32: 1, float64: 11 } as const;

/** The float type of the model's tensors. */
export type OnnxFloat = keyof typeof ELEM;

/** A ValueInfoProto: a named tensor of `elem` type; string dims are symbolic (`"N"`). */
function valueInfo(name: string, elem: number, dims: readonly (number | string)[]): Writer {
  const shape = new Writer();
  for (const d of dims) {
    shape.msg(1, typeof d === "number" ? new Writer().int(1, d) : new Writer().str(2, d));
  }
  const tensorType = new Writer().int(1, elem).msg(2, shape);
  return new Writer().str(1, name).msg(2, new Writer().msg(1, tensorType));
}

/** A TensorProto initializer with little-endian `raw_data`. */
function initializer(
  name: string,
  elem: number,
  dims: readonly number[],
  data: Float32Array | Float64Array,
): Writer {
  const t = new Writer();
  for (const d of dims) t.int(1, d);
  t.int(2, elem).str(8, name);
  return t.raw(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** A NodeProto: `op(inputs) -> outputs`. */
function node(op: string, inputs: string[], outputs: string[], name: string): Writer {
  const n = new Writer();
  for (const i of inputs) n.str(1, i);
  for (const o of outputs) n.str(2, o);
  return n.str(3, name).str(4, op);
}

/**
 * The bytes of an ONNX model (IR version 7, opset 13) computing `Y = X @ W + B` for an input
 * `X` of shape `[N, k]` (N symbolic), with `W` (`k × m`, row-major) and `B` (`m`) baked in.
 */
export function matmulAddModel(
  dtype: OnnxFloat,
  k: number,
  m: number,
  w: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
): Uint8Array {
  if (w.length !== k * m || b.length !== m) {
    throw new RangeError(`matmulAddModel: W needs ${k * m} values and B ${m}`);
  }
  const e = ELEM[dtype];
  const graph = new Writer()
    .msg(1, node("MatMul", ["X", "W"], ["XW"], "matmul"))
    .msg(1, node("Add", ["XW", "B"], ["Y"], "add"))
    .str(2, "matmul_add")
    .msg(5, initializer("W", e, [k, m], w))
    .msg(5, initializer("B", e, [m], b))
    .msg(11, valueInfo("X", e, ["N", k]))
    .msg(12, valueInfo("Y", e, ["N", m]));
  return new Writer()
    .int(1, 7) // ir_version
    .str(2, "nd-tests") // producer_name
    .msg(7, graph)
    .msg(8, new Writer().str(1, "").int(2, 13)) // opset_import: default domain, opset 13
    .done();
}
