// The backends a routine test runs on: always "ts"; "blas" when a system library loads.
// In CI (CI=true) the BLAS backend must load: .ci/run installs OpenBLAS.
import * as nd from "../../mod.ts";

/** A backend the suite can switch to, with the `use` options that select it. */
export interface TestBackend {
  name: "ts" | "blas";
  path?: string;
}

function detect(): TestBackend[] {
  const first = nd.backend.info();
  const list: TestBackend[] = [{ name: "ts" }];
  try {
    nd.backend.use("blas");
    list.push({ name: "blas", path: nd.backend.info().library ?? undefined });
  } catch (e) {
    if (Deno.env.get("CI") === "true") {
      throw new Error(`CI=true but the BLAS backend does not load: ${(e as Error).message}`);
    }
  } finally {
    if (first.name === "ts") nd.backend.use("ts");
  }
  return list;
}

/** Every backend available here. */
export const BACKENDS: readonly TestBackend[] = detect();

/** Runs `fn` with backend `b` selected, restoring the previous one afterwards. */
export async function withBackend(b: TestBackend, fn: () => void | Promise<void>): Promise<void> {
  const before = nd.backend.info();
  nd.backend.use(b.name, b.path ? { path: b.path } : {});
  try {
    await fn();
  } finally {
    if (before.name === "ts") nd.backend.use("ts");
    else nd.backend.use("blas", { path: before.library ?? undefined });
  }
}

/** Registers the test `name` once per available backend, with that backend selected. */
export function testOnBackends(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  for (const b of BACKENDS) {
    Deno.test(`${name} (${b.name} backend)`, (t) => withBackend(b, () => fn(t)));
  }
}
