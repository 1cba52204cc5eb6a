// OpenBLAS's parallel LU on a small thread stack: nd must not crash the process.
//
// The work runs in a child `deno test` of two modules: Deno runs the second on a thread with a
// 2 MiB stack (Web Workers get 4 MiB, the main thread the 8 MiB stack limit), where it
// factorizes large matrices through the BLAS backend. A crash there fails this test instead of
// killing the test runner. Without the guard in blas_ffi.ts this segfaults in dgetrf_parallel.
import assert from "node:assert/strict";
import { SMALL_STACK } from "../../src/backend/blas_ffi.ts";
import { threadStackBytes } from "../../src/backend/_thread_stack.ts";
import { BACKENDS } from "../linalg/_backends.ts";

const root = new URL("../../", import.meta.url).pathname;
const hasBlas = BACKENDS.some((b) => b.name === "blas");
const linux = Deno.build.os === "linux";

const secondModule = `
import * as nd from "${root}mod.ts";
import { threadStackBytes } from "${root}src/backend/_thread_stack.ts";
const out = { stack: threadStackBytes(), backend: nd.backend.info().name, residuals: [] as unknown[] };
Deno.test("lu", () => {
for (const n of [300, 1500]) {
  const a = nd.sin(nd.arange(n * n).reshape([n, n]).astype("float64").mul(1.1)).add(nd.eye(n).mul(n));
  const x = nd.linalg.solve(a, nd.ones([n]));
  out.residuals.push(nd.max(nd.abs(nd.matmul(a, x).sub(1))).item());
  const ai = nd.linalg.inv(a);
  out.residuals.push(nd.max(nd.abs(nd.matmul(a, ai).sub(nd.eye(n)))).item());
}
console.log("RESULT " + JSON.stringify(out));
});
`;

Deno.test("thread stack: the calling thread's stack size is read", async () => {
  const s = threadStackBytes();
  if (!linux) return;
  assert.ok(s !== null && s >= 1 << 20, `stack ${s}`);
  // The main thread of `deno run` keeps OpenBLAS's parallel LU (8 MiB less a guard page).
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `import { threadStackBytes } from "${root}src/backend/_thread_stack.ts";` +
      "console.log(threadStackBytes());",
    ],
    stdout: "piped",
  }).output();
  const main = Number(new TextDecoder().decode(out.stdout));
  assert.ok(main >= SMALL_STACK, `the main thread has ${main} bytes of stack`);
});

Deno.test({
  name: "thread stack: LU through OpenBLAS on a 2 MiB thread stack does not crash",
  ignore: !hasBlas || !linux,
}, async () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/a_test.ts`, `Deno.test("first", () => {});`);
    Deno.writeTextFileSync(`${dir}/b_test.ts`, secondModule);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "test",
        "--allow-all",
        "--config",
        `${root}deno.json`,
        `${dir}/a_test.ts`,
        `${dir}/b_test.ts`,
      ],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const err = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, `child exited with ${out.code} (signal ${out.signal}): ${err}`);
    const line = new TextDecoder().decode(out.stdout).split("\n").find((l) =>
      l.startsWith("RESULT ")
    );
    assert.ok(line !== undefined, "the second module printed no result");
    const r = JSON.parse(line.slice(7));
    assert.equal(r.backend, "blas");
    assert.ok(
      r.stack < SMALL_STACK,
      `the second test module's thread has ${r.stack} bytes of stack`,
    );
    for (const res of r.residuals) assert.ok(res < 1e-9, `residual ${res}`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
