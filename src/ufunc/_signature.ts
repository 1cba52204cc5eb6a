/**
 * Generalized-ufunc signatures (NumPy's `"(m,n),(n)->(m)"`): parsing, and binding the core
 * dimensions of actual arguments. Shared by `vectorize` and `kernel`.
 *
 * @module
 */

/** One core dimension: a name bound by the arguments, or a fixed size. */
export type CoreDim = string | number;

/** A parsed signature: the core dimensions of each input and each output. */
export interface Signature {
  /** The text as given (without spaces). */
  readonly text: string;
  readonly inputs: readonly (readonly CoreDim[])[];
  readonly outputs: readonly (readonly CoreDim[])[];
}

const DIM = /^(?:[A-Za-z_][A-Za-z_0-9]*|\d+)$/;

/**
 * Parses `"(m,n),(n)->(m)"`: argument lists in parentheses, dimensions as names or integers.
 * Throws a `SyntaxError` naming the signature when it is malformed. Output dimensions need not
 * appear among the inputs' (`vectorize` learns them from the first result; `kernel` refuses
 * them).
 */
export function parseSignature(signature: string, where: string): Signature {
  if (typeof signature !== "string") {
    throw new TypeError(`${where}: signature must be a string, got ${typeof signature}`);
  }
  const text = signature.replace(/\s+/g, "");
  const bad = (why: string): never => {
    throw new SyntaxError(`${where}: invalid signature ${JSON.stringify(signature)}: ${why}`);
  };
  const arrow = text.indexOf("->");
  if (arrow < 0 || text.indexOf("->", arrow + 2) >= 0) bad('it needs exactly one "->"');
  const side = (s: string, what: string): CoreDim[][] => {
    if (s === "") bad(`no ${what}`);
    const out: CoreDim[][] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] !== "(") bad(`expected "(" at ${JSON.stringify(s.slice(i))}`);
      const close = s.indexOf(")", i);
      if (close < 0) bad(`unclosed "(" in ${JSON.stringify(s)}`);
      const inner = s.slice(i + 1, close);
      const dims = inner === "" ? [] : inner.split(",");
      for (const d of dims) if (!DIM.test(d)) bad(`bad dimension ${JSON.stringify(d)}`);
      out.push(dims.map((d) => (/^\d+$/.test(d) ? Number(d) : d)));
      i = close + 1;
      if (i < s.length) {
        if (s[i] !== ",") bad(`expected "," after ${JSON.stringify(s.slice(0, i))}`);
        i++;
        if (i === s.length) bad(`trailing ","`);
      }
    }
    return out;
  };
  const inputs = side(text.slice(0, arrow), "inputs");
  const outputs = side(text.slice(arrow + 2), "outputs");
  return { text, inputs, outputs };
}

/** Core dimension sizes bound by arguments, and the broadcast loop (outer) shape. */
export interface Binding {
  /** Size of every named core dimension. */
  readonly sizes: ReadonlyMap<string, number>;
  /** The shapes of the arguments' loop dimensions (all but the core ones), per input. */
  readonly loopShapes: readonly (readonly number[])[];
}

/**
 * Binds the core dimensions of input shapes to the signature: each input must have at least
 * as many dimensions as its core list, equal names must agree, and fixed sizes must match.
 * Throws a `TypeError` naming the argument and sizes otherwise.
 */
export function bindSignature(
  sig: Signature,
  shapes: readonly (readonly number[])[],
  where: string,
): Binding {
  if (shapes.length !== sig.inputs.length) {
    throw new TypeError(
      `${where}: signature ${sig.text} takes ${sig.inputs.length} input(s), got ${shapes.length}`,
    );
  }
  const sizes = new Map<string, number>();
  const loopShapes: number[][] = [];
  shapes.forEach((shape, k) => {
    const core = sig.inputs[k];
    if (shape.length < core.length) {
      throw new TypeError(
        `${where}: input ${k} has ${shape.length} dimension(s) but the signature ${sig.text} ` +
          `needs at least ${core.length} (core dimensions (${core.join(",")}))`,
      );
    }
    const tail = shape.slice(shape.length - core.length);
    core.forEach((d, i) => {
      const n = tail[i];
      if (typeof d === "number") {
        if (n !== d) {
          throw new TypeError(
            `${where}: input ${k} has size ${n} where the signature ${sig.text} fixes ${d}`,
          );
        }
      } else if (sizes.has(d) && sizes.get(d) !== n) {
        throw new TypeError(
          `${where}: inconsistent size for core dimension ${d}: ${sizes.get(d)} and ${n} ` +
            `(input ${k}, signature ${sig.text})`,
        );
      } else sizes.set(d, n);
    });
    loopShapes.push(shape.slice(0, shape.length - core.length));
  });
  return { sizes, loopShapes };
}

/** The concrete core shape of an output (its names bound, see {@link bindSignature}). */
export function coreShape(dims: readonly CoreDim[], sizes: ReadonlyMap<string, number>): number[] {
  return dims.map((d) => (typeof d === "number" ? d : sizes.get(d)!));
}
