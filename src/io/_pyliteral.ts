// A parser for the small subset of Python literals that .npy headers are written in:
// dicts, tuples, lists, strings ('...' or "..."), decimal integers and floats, True, False and
// None. Anything else (sets, complex numbers, calls, names, expressions) is a syntax error.

/** A parsed Python literal. Integers are bigints so that no digit is lost. */
export type PyValue =
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "int"; readonly v: bigint }
  | { readonly t: "float"; readonly v: number }
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "none" }
  | { readonly t: "tuple"; readonly v: readonly PyValue[] }
  | { readonly t: "list"; readonly v: readonly PyValue[] }
  | { readonly t: "dict"; readonly v: readonly (readonly [PyValue, PyValue])[] };

/** Thrown by {@linkcode parsePyLiteral}; the caller turns it into a SyntaxError with context. */
export class PyLiteralError extends Error {
  /** Character position in the source where parsing failed. */
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.pos = pos;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  r: "\r",
  t: "\t",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\n": "",
};

/**
 * Parses one Python literal filling the whole of `src` (surrounding whitespace allowed).
 * `longSuffix` accepts Python 2's `L` after integers (`(3L, 4L)`), which NumPy tolerates in
 * headers of format versions 1.0 and 2.0.
 */
export function parsePyLiteral(src: string, longSuffix = false): PyValue {
  let i = 0;
  const n = src.length;

  const fail = (what: string): never => {
    throw new PyLiteralError(what, i);
  };
  const skipSpace = (): void => {
    while (i < n) {
      const c = src[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") i++;
      else if (c === "\\" && src[i + 1] === "\n") i += 2;
      else break;
    }
  };
  const describeHere = (): string =>
    i >= n ? "end of input" : `${JSON.stringify(src.slice(i, i + 10))}`;

  const parseString = (): PyValue => {
    const quote = src[i++];
    let out = "";
    while (true) {
      if (i >= n) fail("unterminated string");
      const c = src[i++];
      if (c === quote) break;
      if (c === "\n") fail("unterminated string");
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = src[i++];
      if (e === undefined) fail("unterminated string");
      if (Object.hasOwn(SIMPLE_ESCAPES, e)) {
        out += SIMPLE_ESCAPES[e];
      } else if (e === "x" || e === "u" || e === "U") {
        const len = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = src.slice(i, i + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail(`bad \\${e} escape`);
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) fail(`bad \\${e} escape`);
        out += String.fromCodePoint(cp);
        i += len;
      } else if (e >= "0" && e <= "7") {
        let oct = e;
        while (oct.length < 3 && src[i] >= "0" && src[i] <= "7") oct += src[i++];
        out += String.fromCharCode(parseInt(oct, 8));
      } else {
        out += "\\" + e;
      }
    }
    return { t: "str", v: out };
  };

  const parseSeq = (close: string): PyValue[] => {
    const items: PyValue[] = [];
    i++;
    skipSpace();
    while (src[i] !== close) {
      items.push(parseValue());
      skipSpace();
      if (src[i] === ",") {
        i++;
        skipSpace();
      } else if (src[i] !== close) {
        fail(`expected "," or "${close}" but found ${describeHere()}`);
      }
    }
    i++;
    return items;
  };

  const parseParen = (): PyValue => {
    // `()` and `(x,)` and `(x, y)` are tuples; `(x)` is just x.
    const start = i;
    i++;
    skipSpace();
    if (src[i] === ")") {
      i++;
      return { t: "tuple", v: [] };
    }
    const first = parseValue();
    skipSpace();
    if (src[i] === ")") {
      i++;
      return first;
    }
    i = start;
    return { t: "tuple", v: parseSeq(")") };
  };

  const parseDict = (): PyValue => {
    const entries: [PyValue, PyValue][] = [];
    i++;
    skipSpace();
    while (src[i] !== "}") {
      const key = parseValue();
      skipSpace();
      if (src[i] !== ":") fail(`expected ":" but found ${describeHere()}`);
      i++;
      const value = parseValue();
      entries.push([key, value]);
      skipSpace();
      if (src[i] === ",") {
        i++;
        skipSpace();
      } else if (src[i] !== "}") {
        fail(`expected "," or "}" but found ${describeHere()}`);
      }
    }
    i++;
    return { t: "dict", v: entries };
  };

  const parseNumber = (): PyValue => {
    let sign = 1n;
    while (src[i] === "-" || src[i] === "+") {
      if (src[i] === "-") sign = -sign;
      i++;
      skipSpace();
    }
    const head = src.slice(i, i + 400);
    const fl =
      /^(?:[0-9](?:_?[0-9])*)?(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)(?![0-9A-Za-z_.])/
        .exec(head);
    if (fl && /[0-9]/.test(fl[0])) {
      i += fl[0].length;
      return { t: "float", v: Number(sign) * Number(fl[0].replaceAll("_", "")) };
    }
    const m = /^(?:0(?:_?0)*|[1-9](?:_?[0-9])*)(?![0-9A-Za-z_.])/.exec(head);
    if (m) {
      i += m[0].length;
      return { t: "int", v: sign * BigInt(m[0].replaceAll("_", "")) };
    }
    const long = longSuffix ? /^[0-9]+[lL](?![0-9A-Za-z_.])/.exec(head) : null;
    if (long) {
      i += long[0].length;
      return { t: "int", v: sign * BigInt(long[0].slice(0, -1)) };
    }
    return fail(`unsupported literal ${describeHere()}`);
  };

  let depth = 0;
  const parseValue = (): PyValue => {
    if (++depth > 100) fail("nesting too deep");
    try {
      return parseValueAt();
    } finally {
      depth--;
    }
  };

  const parseValueAt = (): PyValue => {
    skipSpace();
    const c = src[i];
    if (c === "{") return parseDict();
    if (c === "(") return parseParen();
    if (c === "[") return { t: "list", v: parseSeq("]") };
    if (c === "'" || c === '"') return parseString();
    if ((c === "u" || c === "U") && (src[i + 1] === "'" || src[i + 1] === '"')) {
      i++;
      return parseString();
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 64))?.[0];
    if (word === "True" || word === "False") {
      i += word.length;
      return { t: "bool", v: word === "True" };
    }
    if (word === "None") {
      i += 4;
      return { t: "none" };
    }
    if (word !== undefined) return fail(`unsupported name ${JSON.stringify(word)}`);
    if (c === "-" || c === "+" || c === "." || (c >= "0" && c <= "9")) return parseNumber();
    return fail(`unexpected ${describeHere()}`);
  };

  const value = parseValue();
  skipSpace();
  if (i < n) fail(`unexpected ${describeHere()} after the literal`);
  return value;
}

/** Python's `repr` of a parsed literal (strings in single quotes), for error messages. */
export function pyRepr(v: PyValue): string {
  switch (v.t) {
    case "str":
      return `'${v.v.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n")}'`;
    case "int":
      return v.v.toString();
    case "float":
      return Number.isInteger(v.v) && Math.abs(v.v) < 1e16 ? v.v.toFixed(1) : String(v.v);
    case "bool":
      return v.v ? "True" : "False";
    case "none":
      return "None";
    case "tuple":
      return v.v.length === 1 ? `(${pyRepr(v.v[0])},)` : `(${v.v.map(pyRepr).join(", ")})`;
    case "list":
      return `[${v.v.map(pyRepr).join(", ")}]`;
    case "dict":
      return `{${v.v.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  }
}
