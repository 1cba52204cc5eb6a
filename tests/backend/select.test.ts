// Backend selection: nd.backend.info() / use(), ND_BLAS, the permission rule.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const root = new URL("../../", import.meta.url).pathname;

async function probe(
  env: Record<string, string>,
  flags: string[],
): Promise<Record<string, unknown>> {
  const code =
    `import * as nd from "${root}mod.ts"; console.log(JSON.stringify(nd.backend.info()));`;
  const file = Deno.makeTempFileSync({ suffix: ".ts" });
  Deno.writeTextFileSync(file, code);
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", "--config", `${root}deno.json`, ...flags, file],
    env: { ...env, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  Deno.removeSync(file);
  const text = new TextDecoder().decode(out.stdout).trim();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(text);
}

Deno.test("backend selection", async (t) => {
  const start = nd.backend.info();
  await t.step("info has a name, a library and a reason", () => {
    assert(start.name === "ts" || start.name === "blas");
    assert.equal(typeof start.reason, "string");
    assert(start.reason.length > 0);
    if (start.name === "ts") assert.equal(start.library, null);
    else assert.equal(typeof start.library, "string");
    if (Deno.env.get("CI") === "true") {
      assert.equal(start.name, "blas", `CI must load BLAS: ${start.reason}`);
    }
  });
  await t.step("use switches and info follows", () => {
    nd.backend.use("ts");
    assert.deepEqual(nd.backend.info(), {
      name: "ts",
      library: null,
      reason: 'selected with backend.use("ts")',
    });
    if (start.name === "blas") {
      nd.backend.use("blas");
      assert.equal(nd.backend.info().name, "blas");
      nd.backend.use("blas", { path: start.library! });
      assert.equal(nd.backend.info().library, start.library);
    }
  });
  await t.step("bad arguments throw and keep the backend", () => {
    const before = nd.backend.info();
    assert.throws(() => nd.backend.use("gpu" as "ts"), {
      name: "TypeError",
      message: 'backend.use: unknown backend "gpu": use "ts" or "blas"',
    });
    assert.throws(() => nd.backend.use("blas", { path: 3 as unknown as string }), {
      name: "TypeError",
      message: "backend.use: path must be a string, got number",
    });
    assert.throws(() => nd.backend.use("ts", { path: "/x.so" }), {
      name: "TypeError",
      message: 'backend.use: a path applies only to the "blas" backend',
    });
    assert.throws(
      () => nd.backend.use("blas", { path: "/nonexistent/libnothing.so" }),
      (e: unknown) => {
        assert(e instanceof RangeError);
        assert.match(e.message, /^backend\.use: cannot use BLAS: .*\/nonexistent\/libnothing\.so/);
        return true;
      },
    );
    assert.deepEqual(nd.backend.info(), before);
  });
  await t.step("ND_BLAS=none selects TypeScript", async () => {
    const info = await probe({ ND_BLAS: "none" }, ["--allow-all"]);
    assert.equal(info.name, "ts");
    assert.match(info.reason as string, /ND_BLAS/);
  });
  await t.step("without the ffi permission nd uses TypeScript and says why", async () => {
    const info = await probe({}, ["--allow-read", "--allow-env"]);
    assert.equal(info.name, "ts");
    assert.match(info.reason as string, /ffi/);
  });
  await t.step("a bad ND_BLAS path falls back with the reason", async () => {
    const info = await probe({ ND_BLAS: "/nonexistent/libblas.so" }, ["--allow-all"]);
    assert.equal(info.name, "ts");
    assert.match(info.reason as string, /\/nonexistent\/libblas\.so/);
  });
  if (start.name === "blas") nd.backend.use("blas", { path: start.library! });
  else nd.backend.use("ts");
});
