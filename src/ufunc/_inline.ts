/**
 * Reading a user's scalar function from its source (`fn.toString()`): whether its body can
 * be inlined into generated loops (and the code to inline), and whether it is self-contained
 * enough to be rebuilt from its source in a worker.
 *
 * Inlining accepts a deliberately small language, checked by a real parser, and refuses
 * everything else (the caller then calls `fn` per element instead):
 * - an arrow function whose parameters are plain identifiers (no defaults, rest or
 *   destructuring), not async;
 * - whose body is an expression, or a block of `const`/`let` declarations (each with an
 *   initializer) and a final `return`;
 * - whose expressions use numbers, `true`/`false`/`null`, the unary `- + ! ~`, the binary
 *   arithmetic, comparison, bitwise and logical operators, `?:`, parentheses, commas, property
 *   reads with `.` and calls — no assignment, `++`/`--`, `[]`, `?.`, `new`, `typeof`,
 *   `this`, strings, templates, regular expressions or nested functions;
 * - and whose identifiers are its parameters, its own locals, or the safe globals `Math`,
 *   `Number`, `Infinity`, `NaN`, `isNaN`, `isFinite` and `undefined`. Any other name is a
 *   variable of an enclosing scope (a closure) and is refused.
 *
 * The inlined code renames parameters to `$a0, $a1, …` (bound to the loop's element reads)
 * and locals to `$l_name`, so that no user name can clash with the generated loop's names,
 * and prints every operation fully parenthesized, so that the tree it parsed is the tree that
 * runs. Chains of conditionals whose branches are parameters or numeric literals and whose
 * conditions have no calls (`x < -1 ? -1 : x > 1 ? 1 : x`) are generated branchless: every
 * branch value is stored to a scratch array and the result is loaded at an index computed
 * from the conditions, which the JIT compiles without jumps (5× faster than the branches on
 * data that falls on both sides at random). The result is the same value as the original.
 *
 * @module
 */

import { HELPERS } from "../core/_kernel.ts";

/** Globals an inlined body may use: the only names it may read besides its own. */
export const SAFE_GLOBALS: ReadonlySet<string> = new Set([
  "Math",
  "Number",
  "Infinity",
  "NaN",
  "isNaN",
  "isFinite",
  "undefined",
]);

/**
 * Globals a function rebuilt in a worker may use (a superset of {@linkcode SAFE_GLOBALS}:
 * kernels may allocate scratch arrays and throw errors).
 */
const WORKER_GLOBALS: ReadonlySet<string> = new Set([
  ...SAFE_GLOBALS,
  "parseInt",
  "parseFloat",
  "Array",
  "Object",
  "Boolean",
  "BigInt",
  "JSON",
  "Error",
  "TypeError",
  "RangeError",
  "Float64Array",
  "Float32Array",
  "Float16Array",
  "Int8Array",
  "Int16Array",
  "Int32Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Uint16Array",
  "Uint32Array",
  "BigInt64Array",
  "BigUint64Array",
]);

const KEYWORDS = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof let new null of return static super " +
    "switch this throw true try typeof var void while with yield async await get set")
    .split(" "),
);

/** Reserved words (never names of variables; the contextual keywords are left out). */
const RESERVED = new Set(
  [...KEYWORDS].filter((k) =>
    !["of", "get", "set", "static", "async", "await", "yield"].includes(k)
  ),
);

// ---- tokens ----

type TokKind = "id" | "num" | "str" | "punc";
interface Tok {
  k: TokKind;
  v: string;
  /** A line break precedes the token. */
  nl: boolean;
}

const PUNCS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];
const SINGLE = "{}()[];,<>+-*/%&|^!~?:=.";
const NUMBER =
  /^(?:0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?)/;
const IDENT = /^[A-Za-z_$][\w$]*/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Keywords after which a `/` starts a regular expression. */
const BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);

/** The tokens of `src` (comments dropped), or the reason it cannot be read. */
function tokenize(src: string): Tok[] | string {
  const toks: Tok[] = [];
  let i = 0, nl = false;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\v" || c === "\f" || c === "\uFEFF" || c === "\u00A0") {
      i++;
      continue;
    }
    if (LINE_BREAK.test(c)) {
      nl = true;
      i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i < n && !LINE_BREAK.test(src[i])) i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) return "an unterminated comment";
      if (LINE_BREAK.test(src.slice(i, end))) nl = true;
      i = end + 2;
      continue;
    }
    const rest = src.slice(i, i + 64);
    let m: RegExpExecArray | null;
    if ((m = IDENT.exec(src.slice(i, i + 256))) !== null) {
      const v = m[0];
      if (i + v.length < n && src.charCodeAt(i + v.length) > 127) return "a non-ASCII identifier";
      toks.push({ k: "id", v, nl });
    } else if (c >= "0" && c <= "9" || (c === "." && rest[1] >= "0" && rest[1] <= "9")) {
      m = NUMBER.exec(src.slice(i, i + 400));
      if (!m) return "a malformed number";
      toks.push({ k: "num", v: m[0], nl });
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) {
        if (src[j] === "\\") j++;
        else if (LINE_BREAK.test(src[j])) return "an unterminated string";
        j++;
      }
      if (j >= n) return "an unterminated string";
      toks.push({ k: "str", v: src.slice(i, j + 1), nl });
    } else if (c === "`") {
      return "a template literal";
    } else if (c === "/") {
      const prev = toks[toks.length - 1];
      const division = prev !== undefined &&
        ((prev.k === "id" && !BEFORE_REGEX.has(prev.v)) || prev.k === "num" ||
          prev.k === "str" || prev.v === ")" || prev.v === "]" || prev.v === "}");
      if (!division) return "a regular expression literal";
      const v = src[i + 1] === "=" ? "/=" : "/";
      toks.push({ k: "punc", v, nl });
    } else {
      let v = PUNCS.find((p) => src.startsWith(p, i));
      if (v === "?." && src[i + 2] >= "0" && src[i + 2] <= "9") v = "?"; // `a ?.5 : b`
      if (v === undefined) {
        if (!SINGLE.includes(c)) return `the character ${JSON.stringify(c)}`;
        v = c;
      }
      toks.push({ k: "punc", v, nl });
    }
    i += toks[toks.length - 1].v.length;
    nl = false;
  }
  return toks;
}

// ---- the expression language ----

type Node =
  | { t: "num"; v: string }
  | { t: "lit"; v: "true" | "false" | "null" }
  | { t: "ref"; name: string }
  | { t: "unary"; op: string; e: Node }
  | { t: "bin"; op: string; l: Node; r: Node }
  | { t: "cond"; c: Node; a: Node; b: Node }
  | { t: "seq"; es: Node[] }
  | { t: "member"; o: Node; name: string }
  | { t: "call"; f: Node; args: Node[] };

const PREC: Record<string, number> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "===": 7,
  "!==": 7,
  "<": 8,
  ">": 8,
  "<=": 8,
  ">=": 8,
  "<<": 9,
  ">>": 9,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
  "**": 12,
};
const ASSIGN = new Set([
  "=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**=",
  "<<=",
  ">>=",
  ">>>=",
  "&=",
  "|=",
  "^=",
  "&&=",
  "||=",
  "??=",
]);

/** Thrown inside the parser with the reason the source is refused. */
class Refuse extends Error {}

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t !== undefined && t.k === "punc" && t.v === v;
  }
  isWord(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t !== undefined && t.k === "id" && t.v === v;
  }
  expect(v: string): void {
    if (!this.is(v)) throw new Refuse(`expected "${v}" at ${this.where()}`);
    this.i++;
  }
  where(): string {
    const t = this.peek();
    return t ? JSON.stringify(t.v) : "the end";
  }
  /** A name that can be bound (a parameter or a local). */
  binding(): string {
    const t = this.peek();
    if (t === undefined || t.k !== "id" || KEYWORDS.has(t.v) || t.v === "arguments") {
      throw new Refuse(`${this.where()} is not a plain identifier`);
    }
    this.i++;
    return t.v;
  }

  seq(): Node {
    const es = [this.assign()];
    while (this.is(",")) {
      this.i++;
      es.push(this.assign());
    }
    return es.length === 1 ? es[0] : { t: "seq", es };
  }
  assign(): Node {
    const e = this.cond();
    const t = this.peek();
    if (t && t.k === "punc" && ASSIGN.has(t.v)) throw new Refuse(`it assigns with "${t.v}"`);
    if (t && t.k === "punc" && t.v === "=>") throw new Refuse("it contains a nested function");
    return e;
  }
  cond(): Node {
    const c = this.binary(1);
    if (!this.is("?")) return c;
    this.i++;
    const a = this.assign();
    this.expect(":");
    const b = this.assign();
    return { t: "cond", c, a, b };
  }
  binary(min: number): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t && t.k === "id" && (t.v === "in" || t.v === "instanceof")) {
        throw new Refuse(`it uses the "${t.v}" operator`);
      }
      const p = t && t.k === "punc" ? PREC[t.v] : undefined;
      if (p === undefined || p < min) return l;
      this.i++;
      // `**` is right-associative; the others are left-associative.
      const r = t!.v === "**" ? this.binary(p) : this.binary(p + 1);
      l = { t: "bin", op: t!.v, l, r };
    }
  }
  unary(): Node {
    const t = this.peek();
    if (t && t.k === "punc" && (t.v === "-" || t.v === "+" || t.v === "!" || t.v === "~")) {
      this.i++;
      return { t: "unary", op: t.v, e: this.unary() };
    }
    if (t && t.k === "punc" && (t.v === "++" || t.v === "--")) {
      throw new Refuse(`it assigns with "${t.v}"`);
    }
    return this.postfix();
  }
  postfix(): Node {
    let e = this.primary();
    for (;;) {
      if (this.is(".")) {
        this.i++;
        const t = this.peek();
        if (t === undefined || t.k !== "id") throw new Refuse(`bad property name ${this.where()}`);
        this.i++;
        e = { t: "member", o: e, name: t.v };
      } else if (this.is("(")) {
        this.i++;
        const args: Node[] = [];
        while (!this.is(")")) {
          if (this.is("...")) throw new Refuse("it spreads arguments");
          args.push(this.assign());
          if (!this.is(")")) this.expect(",");
        }
        this.i++;
        e = { t: "call", f: e, args };
      } else if (this.is("[")) {
        throw new Refuse("it indexes with []");
      } else if (this.is("?.")) {
        throw new Refuse("it uses optional chaining");
      } else if (this.is("++") || this.is("--")) {
        throw new Refuse(`it assigns with "${this.peek()!.v}"`);
      } else {
        return e;
      }
    }
  }
  primary(): Node {
    const t = this.peek();
    if (t === undefined) throw new Refuse("the expression ends early");
    if (t.k === "num") {
      this.i++;
      return { t: "num", v: t.v };
    }
    if (t.k === "str") throw new Refuse("it contains a string literal");
    if (t.k === "id") {
      if (t.v === "true" || t.v === "false" || t.v === "null") {
        this.i++;
        return { t: "lit", v: t.v };
      }
      if (KEYWORDS.has(t.v)) throw new Refuse(`it uses "${t.v}"`);
      this.i++;
      return { t: "ref", name: t.v };
    }
    if (t.v === "(") {
      this.i++;
      const e = this.seq();
      this.expect(")");
      return e;
    }
    throw new Refuse(`unexpected ${JSON.stringify(t.v)}`);
  }
}

// ---- functions ----

/** A parsed inlinable function. */
interface Parsed {
  params: string[];
  locals: { kind: "const" | "let"; name: string; init: Node }[];
  ret: Node;
}

/** `a; b;` separators: an optional semicolon, or a line break / `}` before the next token. */
function endStatement(p: Parser): void {
  if (p.is(";")) {
    p.i++;
    return;
  }
  const t = p.peek();
  if (t !== undefined && !t.nl && !(t.k === "punc" && t.v === "}")) {
    throw new Refuse(`expected ";" at ${p.where()}`);
  }
}

function parseFunction(toks: Tok[]): Parsed {
  const p = new Parser(toks);
  const params: string[] = [];
  if (p.isWord("async")) throw new Refuse("it is an async function");
  if (p.isWord("function")) throw new Refuse("it is a function expression, not an arrow");
  if (p.peek()?.k === "id" && p.is("(", 1)) throw new Refuse("it is a method, not an arrow");
  if (p.peek()?.k === "id" && p.is("=>", 1)) {
    params.push(p.binding());
  } else if (p.is("(")) {
    p.i++;
    while (!p.is(")")) {
      if (p.is("...") || p.is("{") || p.is("[")) {
        throw new Refuse("it has rest or destructured parameters");
      }
      params.push(p.binding());
      if (p.is("=")) throw new Refuse("it has default parameter values");
      if (!p.is(")")) p.expect(",");
    }
    p.i++;
    if (!p.is("=>")) throw new Refuse("it is not an arrow function");
  } else {
    throw new Refuse("it is not an arrow function");
  }
  p.i++; // =>
  const locals: Parsed["locals"] = [];
  let ret: Node;
  if (p.is("{")) {
    p.i++;
    for (;;) {
      if (p.is(";")) {
        p.i++;
      } else if (p.isWord("const") || p.isWord("let")) {
        const kind = p.peek()!.v as "const" | "let";
        p.i++;
        for (;;) {
          if (p.is("{") || p.is("[")) throw new Refuse("it destructures");
          const name = p.binding();
          if (!p.is("=")) throw new Refuse(`the local ${name} has no initializer`);
          p.i++;
          locals.push({ kind, name, init: p.assign() });
          if (!p.is(",")) break;
          p.i++;
        }
        endStatement(p);
      } else if (p.isWord("return")) {
        p.i++;
        const t = p.peek();
        if (t === undefined || t.nl || (t.k === "punc" && (t.v === ";" || t.v === "}"))) {
          throw new Refuse("it returns nothing");
        }
        ret = p.seq();
        endStatement(p);
        while (p.is(";")) p.i++;
        p.expect("}");
        break;
      } else {
        throw new Refuse(
          `its body has a statement other than const/let declarations and a final return at ${p.where()}`,
        );
      }
    }
  } else {
    ret = p.assign();
  }
  if (p.peek() !== undefined) throw new Refuse(`unexpected ${p.where()} after the body`);
  return { params, locals, ret: ret! };
}

// ---- checks and code generation ----

/** Checks that every name is a parameter, a local declared so far or a safe global. */
function checkNames(f: Parsed): void {
  const visible = new Set(f.params);
  const visit = (e: Node): void => {
    switch (e.t) {
      case "ref":
        if (!visible.has(e.name) && !SAFE_GLOBALS.has(e.name)) {
          throw new Refuse(`it refers to ${e.name}, a variable outside the function (a closure)`);
        }
        return;
      case "unary":
        return visit(e.e);
      case "bin":
        visit(e.l);
        return visit(e.r);
      case "cond":
        visit(e.c);
        visit(e.a);
        return visit(e.b);
      case "seq":
        return e.es.forEach(visit);
      case "member":
        return visit(e.o);
      case "call":
        visit(e.f);
        return e.args.forEach(visit);
    }
  };
  // Locals are visible everywhere in the block (their temporal dead zone is kept, since they
  // are declared in the same order), so they may be used before their declaration.
  for (const l of f.locals) visible.add(l.name);
  for (const l of f.locals) visit(l.init);
  visit(f.ret);
}

/** Scratch slots for branchless conditionals (one array per JS realm, reused). */
const SEL_SLOTS = 64;
HELPERS.$sel = new Float64Array(SEL_SLOTS);

/** `Math` functions with faster helpers of `HELPERS` (within 1 ulp), for `fastmath`. */
const FAST: Record<string, string> = { exp: "fexp" };

class Emitter {
  slots = 0;
  constructor(
    readonly params: readonly string[],
    readonly locals: ReadonlySet<string>,
    readonly fastmath: boolean,
  ) {}
  name(n: string): string {
    const k = this.params.indexOf(n);
    if (k >= 0) return `$a${k}`;
    if (this.locals.has(n)) return `$l_${n}`;
    return n;
  }
  /** A branch value that may be evaluated eagerly: a parameter or a numeric constant. */
  simple(e: Node): boolean {
    if (e.t === "num") return !e.v.endsWith("n");
    if (e.t === "ref") {
      return this.params.includes(e.name) ||
        ((e.name === "Infinity" || e.name === "NaN") && !this.locals.has(e.name));
    }
    return e.t === "unary" && e.op === "-" && (e.e.t === "num" || e.e.t === "ref") &&
      this.simple(e.e);
  }
  /** An expression without calls (so it may be evaluated whatever the branch). */
  pure(e: Node): boolean {
    switch (e.t) {
      case "num":
      case "lit":
      case "ref":
        return true;
      case "unary":
        return this.pure(e.e);
      case "bin":
        return this.pure(e.l) && this.pure(e.r);
      case "member":
        return e.o.t === "ref" && (e.o.name === "Math" || e.o.name === "Number") &&
          !this.locals.has(e.o.name);
      default:
        return false;
    }
  }
  emit(e: Node): string {
    switch (e.t) {
      case "num":
      case "lit":
        return e.v;
      case "ref":
        return this.name(e.name);
      case "unary":
        return `(${e.op} ${this.emit(e.e)})`;
      case "bin":
        return `(${this.emit(e.l)} ${e.op} ${this.emit(e.r)})`;
      case "seq":
        return `(${e.es.map((x) => this.emit(x)).join(", ")})`;
      case "member":
        return e.o.t === "num" ? `(${e.o.v}).${e.name}` : `${this.emit(e.o)}.${e.name}`;
      case "call": {
        const args = e.args.map((x) => this.emit(x)).join(", ");
        const f = e.f;
        if (
          this.fastmath && f.t === "member" && f.o.t === "ref" && f.o.name === "Math" &&
          this.name("Math") === "Math" && Object.hasOwn(FAST, f.name) &&
          typeof HELPERS[FAST[f.name]] === "function"
        ) {
          return `${FAST[f.name]}(${args})`;
        }
        return `${this.emit(f)}(${args})`;
      }
      case "cond":
        return this.select(e) ?? `(${this.emit(e.c)} ? ${this.emit(e.a)} : ${this.emit(e.b)})`;
    }
  }
  /** `c1 ? v1 : c2 ? v2 : v3` without branches, or null when the chain does not qualify. */
  select(e: Node & { t: "cond" }): string | null {
    const conds: Node[] = [], vals: Node[] = [];
    let cur: Node = e;
    while (cur.t === "cond") {
      if (!this.pure(cur.c) || !this.simple(cur.a)) return null;
      conds.push(cur.c);
      vals.push(cur.a);
      cur = cur.b;
    }
    if (!this.simple(cur)) return null;
    vals.push(cur);
    if (this.slots + vals.length > SEL_SLOTS) return null;
    const base = this.slots;
    this.slots += vals.length;
    // Index of the first true condition (the last value when none is): with c_k as 0/1,
    // idx = !c1 * (1 + !c2 * (1 + ...)).
    let idx = "";
    for (let k = conds.length - 1; k >= 0; k--) {
      const c = `(+!${this.emit(conds[k])})`;
      idx = idx === "" ? c : `${c} * (1 + ${idx})`;
    }
    const stores = vals.map((v, k) => `$sel[${base + k}] = ${this.emit(v)}`);
    return `(${stores.join(", ")}, $sel[${base} + ${idx}])`;
  }
}

/** The result of analysing a function for inlining. */
export type Inlining =
  | {
    readonly inlined: true;
    /** Statements computing `r` from the element values `xs` (one per ufunc input). */
    readonly body: (xs: readonly string[], r: string) => string;
  }
  | { readonly inlined: false; readonly reason: string };

/**
 * Whether `fn` can be inlined into a loop over `nin` inputs, and the code to inline.
 *
 * With `fastmath`, `Math.exp` calls use nd's own exp (`fexp` of the kernel helpers, within
 * 1 ulp, 1.6× faster), when the helpers are loaded.
 *
 * @example
 * ```ts
 * import { analyzeInline } from "./_inline.ts";
 * import assert from "node:assert/strict";
 * const a = analyzeInline((x: number) => x / (1 + Math.exp(-x)), 1);
 * assert(a.inlined && a.body(["x0"], "r0").includes("Math.exp"));
 * const k = 2;
 * const b = analyzeInline((x: number) => x * k, 1);
 * assert(!b.inlined && b.reason.includes("closure"));
 * ```
 */
export function analyzeInline(
  fn: (...xs: never[]) => unknown,
  nin: number,
  opts: { fastmath?: boolean } = {},
): Inlining {
  const src = Function.prototype.toString.call(fn);
  const toks = tokenize(src);
  if (typeof toks === "string") return { inlined: false, reason: `its source contains ${toks}` };
  let parsed: Parsed;
  try {
    parsed = parseFunction(toks);
    checkNames(parsed);
  } catch (e) {
    if (e instanceof Refuse) return { inlined: false, reason: e.message };
    throw e;
  }
  for (const g of SAFE_GLOBALS) {
    if (Object.hasOwn(HELPERS, g)) {
      return { inlined: false, reason: `the kernel helper ${g} would shadow the global` };
    }
  }
  const em = new Emitter(
    parsed.params,
    new Set(parsed.locals.map((l) => l.name)),
    opts.fastmath === true,
  );
  const decls = parsed.locals.map((l) => `${l.kind} $l_${l.name} = ${em.emit(l.init)};`);
  const ret = em.emit(parsed.ret);
  const params = parsed.params;
  const body = (xs: readonly string[], r: string): string => {
    const binds = params.map((_, k) => `$a${k} = ${k < nin ? xs[k] : "undefined"}`);
    return `{ ${binds.length ? `const ${binds.join(", ")}; ` : ""}${
      decls.join(" ")
    } ${r} = ${ret}; }`;
  };
  // The generated code must compile on its own (a last guard against a misreading).
  const xs = Array.from({ length: nin }, (_, k) => `x${k}`);
  try {
    new Function(...xs, "$sel", `let r0; ${body(xs, "r0")} return r0;`);
  } catch (e) {
    return {
      inlined: false,
      reason: `the generated code does not compile: ${(e as Error).message}`,
    };
  }
  return { inlined: true, body };
}

// ---- self-containment (for workers) ----

/** Names declared by the function: parameters, locals, inner functions' parameters. */
function declaredNames(toks: Tok[]): Set<string> {
  const out = new Set<string>();
  const isId = (t: Tok | undefined) => t !== undefined && t.k === "id" && !KEYWORDS.has(t.v);
  /** Identifiers at the top level of the parenthesized list opening at `open`. */
  const listNames = (open: number): number => {
    let depth = 0, j = open;
    for (; j < toks.length; j++) {
      const v = toks[j].k === "punc" ? toks[j].v : "";
      if (v === "(" || v === "[" || v === "{") depth++;
      else if (v === ")" || v === "]" || v === "}") {
        if (--depth === 0) return j;
      } else if (depth === 1 && isId(toks[j])) {
        const prev = toks[j - 1].v;
        if (prev === "(" || prev === "," || prev === "...") out.add(toks[j].v);
      }
    }
    return j;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === "id" && (t.v === "const" || t.v === "let" || t.v === "var")) {
      // Every declarator of the statement: the name after the keyword and after each comma
      // at the statement's depth.
      let depth = 0;
      if (isId(toks[i + 1])) out.add(toks[i + 1].v);
      for (let j = i + 1; j < toks.length; j++) {
        const v = toks[j].k === "punc" ? toks[j].v : "";
        if (v === "(" || v === "[" || v === "{") depth++;
        else if (v === ")" || v === "]" || v === "}") {
          if (--depth < 0) break;
        } else if (depth === 0 && v === ";") break;
        else if (depth === 0 && toks[j].k === "id" && (toks[j].v === "of" || toks[j].v === "in")) {
          break;
        } else if (depth === 0 && v === "," && isId(toks[j + 1])) out.add(toks[j + 1].v);
      }
    } else if (t.k === "id" && (t.v === "function" || t.v === "class")) {
      let j = i + 1;
      if (toks[j]?.v === "*") j++;
      if (isId(toks[j])) out.add(toks[j++].v);
      if (t.v === "function" && toks[j]?.v === "(") listNames(j);
    } else if (t.k === "id" && t.v === "catch" && toks[i + 1]?.v === "(" && isId(toks[i + 2])) {
      out.add(toks[i + 2].v);
    } else if (t.k === "punc" && t.v === "=>") {
      if (isId(toks[i - 1])) out.add(toks[i - 1].v);
    } else if (t.k === "punc" && t.v === "(") {
      // A parameter list if its closing parenthesis is followed by `=>`.
      let depth = 0, j = i;
      for (; j < toks.length; j++) {
        const v = toks[j].k === "punc" ? toks[j].v : "";
        if (v === "(" || v === "[" || v === "{") depth++;
        else if ((v === ")" || v === "]" || v === "}") && --depth === 0) break;
      }
      if (toks[j + 1]?.k === "punc" && toks[j + 1].v === "=>") listNames(i);
    }
  }
  return out;
}

/**
 * Why `fn` cannot be rebuilt from its source in another thread (it reads variables of an
 * enclosing scope, uses `this`, is async...), or null when it can. Conservative: a name it
 * cannot tell apart from a closure variable makes it refuse.
 *
 * @example
 * ```ts
 * import { notSelfContained } from "./_inline.ts";
 * import assert from "node:assert/strict";
 * assert.equal(notSelfContained((x: number) => { let s = 0; for (let i = 0; i < x; i++) s += i; return s; }), null);
 * const k = 3;
 * assert.match(notSelfContained((x: number) => x * k)!, /k/);
 * ```
 */
export function notSelfContained(fn: (...xs: never[]) => unknown): string | null {
  const src = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(src)) return "it is a native or bound function";
  const toks = tokenize(src);
  if (typeof toks === "string") return `its source contains ${toks}`;
  if (toks[0]?.v === "async") return "it is an async function";
  if (toks[0]?.v === "function" && toks[1]?.v === "*") return "it is a generator";
  const declared = declaredNames(toks);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k !== "id") continue;
    const prev = toks[i - 1];
    if (prev !== undefined && prev.k === "punc" && (prev.v === "." || prev.v === "?.")) continue;
    if (t.v === "this" || t.v === "super" || t.v === "import" || t.v === "with") {
      return `it uses "${t.v}"`;
    }
    if (t.v === "of") {
      // `for (const x of xs)`: a keyword after a binding; anywhere else a name.
      if (prev !== undefined && (prev.k === "id" || prev.v === "]" || prev.v === "}")) continue;
    } else if (RESERVED.has(t.v)) continue;
    if (declared.has(t.v) || WORKER_GLOBALS.has(t.v)) continue;
    return `it refers to ${t.v}, a variable outside the function (a closure)`;
  }
  try {
    compileSource(src);
  } catch (e) {
    return `its source does not compile on its own: ${(e as Error).message}`;
  }
  return null;
}

/**
 * Rebuilds a function from its source text (in strict mode, with no enclosing variables).
 *
 * @example
 * ```ts
 * import { compileSource } from "./_inline.ts";
 * import assert from "node:assert/strict";
 * const f = compileSource("(x) => x + 1") as (x: number) => number;
 * assert.equal(f(1), 2);
 * ```
 */
export function compileSource(src: string): (...args: never[]) => unknown {
  const f = new Function(`"use strict"; return (${src}\n);`)();
  if (typeof f !== "function") throw new TypeError(`compileSource: not a function: ${src}`);
  return f;
}
