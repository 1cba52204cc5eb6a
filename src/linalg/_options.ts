/**
 * The options argument of the linear-algebra functions, checked: NumPy passes many of them
 * positionally (`np.linalg.norm(a, 1)`, `np.tensordot(a, b, 1)`), and a ported call must not
 * silently run with the defaults. Where NumPy's second argument is one option whose value
 * cannot be mistaken for an options object, that bare value is accepted as the option; any
 * other value that is not an options object is a `TypeError`.
 *
 * @module
 */

/**
 * `opts` as an options object: `undefined` → `{}`, a plain object as it is, and — when `key`
 * is given and `bare(opts)` holds — the bare value as `{ [key]: opts }`.
 * @param where The calling function, for the error message.
 * @param opts What the caller passed.
 * @param key The option a bare value stands for (null: no bare value is accepted).
 * @param bare Whether a non-object value is that option's value.
 * @param hint An example of the options object, for the error message.
 *
 * @example
 * ```ts
 * import { optionsOf } from "./_options.ts";
 * import assert from "node:assert/strict";
 * const isOrd = (v: unknown) => typeof v === "number" || typeof v === "string" || v === null;
 * assert.deepEqual(optionsOf<{ ord?: number }>("norm", 1, "ord", isOrd, "{ ord: 2 }"), { ord: 1 });
 * assert.deepEqual(optionsOf<{ ord?: number }>("norm", undefined, "ord", isOrd, "{ ord: 2 }"), {});
 * assert.throws(() => optionsOf("svd", false, null, () => false, "{ fullMatrices: false }"), TypeError);
 * ```
 */
export function optionsOf<O extends object>(
  where: string,
  opts: unknown,
  key: (keyof O & string) | null,
  bare: (v: unknown) => boolean,
  hint: string,
): O {
  if (opts === undefined) return {} as O;
  if (typeof opts === "object" && opts !== null && !Array.isArray(opts)) return opts as O;
  if (key !== null && bare(opts)) return { [key]: opts } as O;
  const shown = typeof opts === "string" ? JSON.stringify(opts) : String(opts);
  throw new TypeError(`${where}: options must be an object such as ${hint}, got ${shown}`);
}

/** A number, a string or null: a norm order. */
export const isOrder = (v: unknown): boolean =>
  typeof v === "number" || typeof v === "string" || v === null;

/** A finite-or-not number. */
export const isNumber = (v: unknown): boolean => typeof v === "number";
