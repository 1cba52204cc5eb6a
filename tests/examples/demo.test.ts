// `deno task demo` (demo.ts): the tour and the four walkthroughs run as a script, print their
// figures and write every plot as an SVG file into the folder given as the first argument.
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url).pathname;

Deno.test("the demo runs and writes its 19 plots as SVG", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "nd_demo_" });
  try {
    const res = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", `${root}deno.json`, `${root}demo.ts`, dir],
      cwd: root,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const out = new TextDecoder().decode(res.stdout);
    assert.ok(res.success, new TextDecoder().decode(res.stderr).slice(-2000));
    const files = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.equal(files.length, 19, files.join(", "));
    for (const f of files) {
      assert.match(f, /^0[1-4]_[a-z_]+\.svg$/);
      const svg = Deno.readTextFileSync(`${dir}/${f}`);
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, f);
    }
    assert.match(out, /19 figures written to /);
    assert.match(out, /done in \d+\.\d s/);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
