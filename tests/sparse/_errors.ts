// Shared by the error tests: a table runner asserting each case's error class and exact message.
import assert from "node:assert/strict";
import * as sparse from "../../src/sparse/mod.ts";

/** [name, the call, the error class, the exact message]. */
export type ErrorCase = [string, () => unknown, ErrorConstructor, string];

/** A test body checking every case as a step. */
export function check(cases: ErrorCase[]): (t: Deno.TestContext) => Promise<void> {
  return async (t: Deno.TestContext) => {
    for (const [name, f, cls, message] of cases) {
      await t.step(name, () =>
        assert.throws(f, (e: unknown) => {
          assert(
            e instanceof cls,
            `${name}: expected ${cls.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`,
          );
          assert.equal((e as Error).message, message, name);
          return true;
        }));
    }
  };
}

/** A small float64 CSR matrix: [[1, 0, 2], [0, 3, 0]]. */
export const F = (): sparse.CSR =>
  sparse.csr({ data: [1, 2, 3], indices: [0, 2, 1], indptr: [0, 2, 3], shape: [2, 3] }).astype(
    "float64",
  );
