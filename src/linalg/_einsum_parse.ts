/**
 * Parsing of `einsum` subscripts: the string grammar, then the labels of every operand axis
 * once the operands' dimensions are known.
 *
 * Labels are numbers: a letter is its character code (65–90 for `A`–`Z`, 97–122 for
 * `a`–`z`); the broadcast dimensions covered by `...` are `ELLIPSIS + k`, `k` counted from
 * the left of the broadcast `...` block, so that operands whose `...` covers fewer
 * dimensions line up on the right, as in broadcasting.
 *
 * @module
 */

/** The label of the first broadcast (`...`) dimension; later ones follow it. */
export const ELLIPSIS = 128;

/** One comma-separated term of the subscripts: its letters and where `...` sits. */
export interface Term {
  /** The labels of the letters, in order. */
  readonly letters: readonly number[];
  /** How many letters come before the `...`, or -1 when the term has none. */
  readonly ellipsisAt: number;
}

/** The subscripts string taken apart. */
export interface ParsedSubscripts {
  /** One term per operand. */
  readonly inputs: readonly Term[];
  /** The term after `->`, or null in implicit mode (no `->`). */
  readonly output: Term | null;
}

/** The label of every axis of every operand and of the result. */
export interface LabelPlan {
  /** Per operand, the label of each of its axes (repeated labels kept). */
  readonly inputs: readonly (readonly number[])[];
  /** The label of each result axis. */
  readonly output: readonly number[];
}

/** How a label reads in messages: `label j`, or `'...' axis k` for a broadcast axis. */
export function labelName(label: number): string {
  return label >= ELLIPSIS
    ? `'...' axis ${label - ELLIPSIS}`
    : `label ${String.fromCharCode(label)}`;
}

function isLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

function parseTerm(text: string, what: string, full: string): Term {
  const letters: number[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isLetter(c)) {
      letters.push(c.charCodeAt(0));
      continue;
    }
    if (c === "." && text.startsWith("...", i)) {
      if (ellipsisAt >= 0) {
        throw new SyntaxError(`einsum: '...' appears more than once in ${what} of "${full}"`);
      }
      ellipsisAt = letters.length;
      i += 2;
      continue;
    }
    if (c === ".") {
      throw new SyntaxError(
        `einsum: a '.' that is not part of an ellipsis ('...') in ${what} of "${full}"`,
      );
    }
    throw new SyntaxError(
      `einsum: invalid subscript ${JSON.stringify(c)} in ${what} of "${full}": ` +
        "subscripts must be letters",
    );
  }
  return { letters, ellipsisAt };
}

/**
 * Splits `subscripts` into input terms and an optional output term, checking the grammar:
 * letters, commas between operands, `...` at most once per term, `->` at most once.
 * Whitespace is ignored. Throws a `SyntaxError` naming the problem.
 */
export function parseSubscripts(subscripts: string, nOperands: number): ParsedSubscripts {
  const s = subscripts.replace(/\s+/g, "");
  const sides = s.split("->");
  if (sides.length > 2) {
    throw new SyntaxError(`einsum: "->" appears more than once in "${subscripts}"`);
  }
  for (const side of sides) {
    const bad = side.match(/[->]/);
    if (bad) {
      throw new SyntaxError(
        `einsum: invalid subscript ${JSON.stringify(bad[0])} in "${subscripts}": ` +
          `'-' and '>' may only appear together as "->"`,
      );
    }
  }
  const terms = sides[0].split(",");
  if (terms.length !== nOperands) {
    throw new SyntaxError(
      `einsum: subscripts "${subscripts}" describe ${terms.length} operand${
        terms.length === 1 ? "" : "s"
      } but ${nOperands} ${nOperands === 1 ? "was" : "were"} given`,
    );
  }
  const inputs = terms.map((t, k) => parseTerm(t, `operand ${k}`, subscripts));
  if (sides.length === 1) return { inputs, output: null };
  if (sides[1].includes(",")) {
    throw new SyntaxError(
      `einsum: the output subscripts of "${subscripts}" contain ',': there is one output`,
    );
  }
  const output = parseTerm(sides[1], "the output", subscripts);
  const seen = new Set<number>();
  const inInputs = new Set(inputs.flatMap((t) => t.letters));
  for (const l of output.letters) {
    if (seen.has(l)) {
      throw new SyntaxError(
        `einsum: output ${labelName(l)} appears more than once in "${subscripts}"`,
      );
    }
    if (!inInputs.has(l)) {
      throw new SyntaxError(
        `einsum: output ${labelName(l)} does not appear in the inputs of "${subscripts}"`,
      );
    }
    seen.add(l);
  }
  return { inputs, output };
}

/**
 * Gives every operand axis its label, given the operands' dimensions: `...` covers the axes
 * the letters leave over. The result's labels are the explicit output, or in implicit mode
 * the broadcast `...` axes followed by the letters used exactly once, in ASCII order
 * (capitals first). Throws a `TypeError` when the subscripts do not fit the operands.
 */
export function planLabels(
  parsed: ParsedSubscripts,
  ndims: readonly number[],
  subscripts: string,
): LabelPlan {
  const covered = parsed.inputs.map((t, k) => {
    const n = t.letters.length, nd = ndims[k];
    if (t.ellipsisAt < 0 && n !== nd) {
      throw new TypeError(
        `einsum: operand ${k} has ${nd} dimension${nd === 1 ? "" : "s"} but its subscripts in ` +
          `"${subscripts}" give ${n} label${n === 1 ? "" : "s"}` +
          (n < nd ? " and no '...' for the others" : ""),
      );
    }
    if (n > nd) {
      throw new TypeError(
        `einsum: operand ${k} has ${nd} dimension${nd === 1 ? "" : "s"} but its subscripts in ` +
          `"${subscripts}" give ${n} labels besides '...'`,
      );
    }
    return t.ellipsisAt < 0 ? 0 : nd - n;
  });
  const nBroadcast = Math.max(0, ...covered);
  const inputs = parsed.inputs.map((t, k) => {
    const e = covered[k];
    const dots = Array.from({ length: e }, (_, i) => ELLIPSIS + nBroadcast - e + i);
    if (t.ellipsisAt < 0) return t.letters.slice();
    return [...t.letters.slice(0, t.ellipsisAt), ...dots, ...t.letters.slice(t.ellipsisAt)];
  });
  const allDots = Array.from({ length: nBroadcast }, (_, i) => ELLIPSIS + i);
  const out = parsed.output;
  if (out === null) {
    const counts = new Map<number, number>();
    for (const t of parsed.inputs) {
      for (const l of t.letters) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const once = [...counts].filter(([, c]) => c === 1).map(([l]) => l).sort((x, y) => x - y);
    return { inputs, output: [...allDots, ...once] };
  }
  if (out.ellipsisAt < 0) {
    if (nBroadcast > 0) {
      throw new TypeError(
        `einsum: the output subscripts of "${subscripts}" have no '...' for the ${nBroadcast} ` +
          `broadcast dimension${nBroadcast === 1 ? "" : "s"} that '...' covers in the inputs`,
      );
    }
    return { inputs, output: out.letters.slice() };
  }
  return {
    inputs,
    output: [
      ...out.letters.slice(0, out.ellipsisAt),
      ...allDots,
      ...out.letters.slice(out.ellipsisAt),
    ],
  };
}
