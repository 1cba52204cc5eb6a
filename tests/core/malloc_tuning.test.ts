// The reuse of freed large buffers (src/core/malloc_tuning.ts): applied at the first large
// allocation when the ffi permission is granted, and not otherwise; ND_MALLOC=system opts out.
// Each case runs in a child process, since the tuning is once per process.
import assert from "node:assert/strict";
import type * as nd from "../../mod.ts";

const root = new URL("../../", import.meta.url).pathname;

/** Runs a script importing nd in a child `deno run` with the given flags and environment. */
async function child(
  flags: string[],
  env: Record<string, string> = {},
): Promise<{ before: nd.MallocInfo; after: nd.MallocInfo; sum: number }> {
  const file = Deno.makeTempFileSync({ dir: root, prefix: "_malloc_child_", suffix: ".ts" });
  Deno.writeTextFileSync(
    file,
    `import * as nd from "./mod.ts";
const before = nd.mallocInfo();
const a = nd.ones([1 << 18]); // 2 MiB: the first large allocation
const after = nd.mallocInfo();
// Arrays made after the tuning hold what they should, fresh or reused.
let sum = 0;
for (let i = 0; i < 20; i++) sum += nd.sum(nd.add(a, i)).item() as number;
console.log(JSON.stringify({ before, after, sum }));
`,
  );
  try {
    const res = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--allow-read", ...flags, "--config", `${root}deno.json`, file],
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(res.success, new TextDecoder().decode(res.stderr));
    return JSON.parse(new TextDecoder().decode(res.stdout));
  } finally {
    Deno.removeSync(file);
  }
}

// sum over i of 2^18 · (1 + i) for i = 0..19
const expected = (1 << 18) * 210;

Deno.test("malloc tuning", async (t) => {
  await t.step("with ffi on Linux: applied at the first large allocation", async () => {
    const o = await child(["--allow-ffi", "--allow-env"]);
    assert.deepEqual(o.before, { reuse: false, reason: "not yet: no large array allocated" });
    assert.equal(o.sum, expected);
    if (Deno.build.os === "linux") {
      assert.deepEqual(o.after, {
        reuse: true,
        reason: "glibc's mmap and trim thresholds raised to 512 MiB",
      });
    } else assert.equal(o.after.reuse, false);
  });
  await t.step("ND_MALLOC=system opts out", async () => {
    const o = await child(["--allow-ffi", "--allow-env"], { ND_MALLOC: "system" });
    assert.equal(o.after.reuse, false);
    if (Deno.build.os === "linux") assert.equal(o.after.reason, "ND_MALLOC=system");
    assert.equal(o.sum, expected);
  });
  await t.step("without the ffi permission nothing changes", async () => {
    const o = await child([]);
    assert.equal(o.after.reuse, false);
    if (Deno.build.os === "linux") assert.equal(o.after.reason, "no ffi permission");
    assert.equal(o.sum, expected);
  });
});
