import assert from "node:assert/strict";
import * as plot from "../../src/plot/mod.ts";
import { assertThrowsMsg, parseSvg, pngSize, texts } from "./_svg.ts";

type Displayable = { [k: symbol]: () => Record<string, string> };

Deno.test("Figure", async (t) => {
  const fig = plot.bar([3, 1, 2], { labels: ["a", "b", "c"], title: "Counts & <more>" });

  await t.step("toSVG is a standalone SVG document with the xmlns and a size", () => {
    const svg = fig.toSVG();
    const { root } = parseSvg(svg);
    assert.equal(root.getAttribute("width"), String(fig.width));
    assert.equal(root.getAttribute("height"), String(fig.height));
    assert.equal(root.getAttribute("viewBox"), `0 0 ${fig.width} ${fig.height}`);
    assert(texts(svg).includes("Counts & <more>"));
    assert(!svg.includes("xlink:"), "no xlink attributes, so no xlink namespace is needed");
  });

  await t.step("text form and Jupyter bundle", () => {
    assert.equal(fig.kind, "bar");
    assert.equal(fig.title, "Counts & <more>");
    assert.equal(fig.toString(), `<Figure bar "Counts & <more>" ${fig.width}×${fig.height}>`);
    const bundle = (fig as unknown as Displayable)[Symbol.for("Jupyter.display")]();
    assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/plain"]);
    assert.equal(bundle["image/svg+xml"], fig.toSVG());
    assert.equal(bundle["text/plain"], fig.toString());
    assert.equal(plot.bar([1]).toString(), `<Figure bar 640×400>`);
    const inspect = (fig as unknown as Displayable)[Symbol.for("Deno.customInspect")]();
    assert.equal(inspect, fig.toString());
  });

  await t.step("save writes .svg files (string and URL paths)", async () => {
    const dir = await Deno.makeTempDir();
    try {
      await fig.save(`${dir}/a.svg`);
      assert.equal(await Deno.readTextFile(`${dir}/a.svg`), fig.toSVG() + "\n");
      await fig.save(new URL(`file://${dir}/b.SVG`));
      assert.equal(await Deno.readTextFile(`${dir}/b.SVG`), fig.toSVG() + "\n");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  const support = await plot.pngSupport();
  await t.step("PNG support is reported", () => {
    assert(support.renderer !== null || support.reasons.length === 2, support.reasons.join("; "));
    // Under `deno test -A` on Linux x64 the native binding of @resvg/resvg-js loads.
    if (Deno.build.os === "linux" && Deno.build.arch === "x86_64") {
      assert.equal(support.renderer, "native", support.reasons.join("; "));
    }
  });

  for (const renderer of ["native", "wasm"] as const) {
    await t.step({
      name: `save and toPNG with the ${renderer} renderer`,
      ignore: support.renderer === null,
      fn: async () => {
        const dir = await Deno.makeTempDir();
        try {
          await fig.save(`${dir}/a.png`, { renderer, scale: 1 });
          const bytes = await Deno.readFile(`${dir}/a.png`);
          assert.deepEqual(pngSize(bytes), { width: fig.width, height: fig.height });
          const twice = await fig.toPNG({ renderer });
          assert.deepEqual(pngSize(twice), { width: 2 * fig.width, height: 2 * fig.height });
        } finally {
          await Deno.remove(dir, { recursive: true });
        }
      },
    });
  }

  await t.step("errors", async () => {
    await assert.rejects(
      () => fig.save("/tmp/x.pdf"),
      new RangeError('save: unsupported file type "/tmp/x.pdf": use a .svg or .png path'),
    );
    await assert.rejects(
      () => fig.save("noext"),
      new RangeError('save: unsupported file type "noext": use a .svg or .png path'),
    );
    await assert.rejects(
      () => fig.save(3 as unknown as string),
      new TypeError("save: path must be a string or a URL: got number"),
    );
    await assert.rejects(
      () => fig.save("/tmp/x.png", { scale: 0 }),
      new RangeError("save: scale must be a positive number: got 0"),
    );
    await assert.rejects(
      () => fig.toPNG({ scale: Infinity }),
      new RangeError("toPNG: scale must be a positive number: got Infinity"),
    );
    await assert.rejects(
      () => fig.toPNG({ renderer: "cairo" as "wasm" }),
      new RangeError('toPNG: renderer must be "auto", "native" or "wasm": got "cairo"'),
    );
    assertThrowsMsg(
      () => new plot.Figure("<div/>", { kind: "x", width: 1, height: 1 }),
      TypeError,
      'Figure: svg must be a string starting with "<svg": got "<div/>"',
    );
    assertThrowsMsg(
      () => new plot.Figure(1 as unknown as string, { kind: "x", width: 1, height: 1 }),
      TypeError,
      'Figure: svg must be a string starting with "<svg": got number',
    );
  });
});

/** Runs `code` in a `deno run` subprocess with only the given flags; returns its stdout as JSON. */
async function runRestricted(code: string, flags: string[]): Promise<Record<string, unknown>> {
  const root = new URL("../..", import.meta.url);
  const dir = await Deno.makeTempDir();
  try {
    const file = `${dir}/main.ts`;
    await Deno.writeTextFile(file, code.replaceAll("MOD", new URL("src/plot/mod.ts", root).href));
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-check",
        `--config=${new URL("deno.json", root).pathname}`,
        ...flags,
        file,
      ],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert(out.success, new TextDecoder().decode(out.stderr));
    return JSON.parse(new TextDecoder().decode(out.stdout));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("PNG renderers without permissions", async (t) => {
  await t.step("a process without --allow-ffi falls back to resvg-wasm", async () => {
    const r = await runRestricted(
      `import * as plot from "MOD";
      const s = await plot.pngSupport();
      const png = await plot.bar([1, 2]).toPNG({ scale: 1 });
      console.log(JSON.stringify({ renderer: s.renderer, reasons: s.reasons, p: png[1] }));`,
      ["--allow-read"],
    );
    assert.deepEqual(r, {
      renderer: "wasm",
      reasons: ["npm:@resvg/resvg-js@2.6.2: needs --allow-ffi --allow-sys"],
      p: 80, // "P" of the PNG signature
    });
  });

  await t.step("without --allow-read no renderer loads and save says why", async () => {
    const r = await runRestricted(
      `import * as plot from "MOD";
      try { await plot.bar([1, 2]).save("x.png"); } catch (e) {
        console.log(JSON.stringify({ name: e.name, message: e.message }));
      }`,
      [],
    );
    assert.deepEqual(r, {
      name: "RangeError",
      message: 'save: cannot write "x.png": no PNG renderer loads here: ' +
        "npm:@resvg/resvg-js@2.6.2: needs --allow-ffi --allow-sys --allow-read; " +
        "npm:@resvg/resvg-wasm@2.6.2: needs --allow-read",
    });
  });

  await t.step("without --allow-read toPNG says why no renderer loads", async () => {
    const r = await runRestricted(
      `import * as plot from "MOD";
      try { await plot.bar([1, 2]).toPNG(); } catch (e) {
        console.log(JSON.stringify({ name: e.name, message: e.message }));
      }`,
      [],
    );
    assert.deepEqual(r, {
      name: "RangeError",
      message: "toPNG: no PNG renderer loads here: " +
        "npm:@resvg/resvg-js@2.6.2: needs --allow-ffi --allow-sys --allow-read; " +
        "npm:@resvg/resvg-wasm@2.6.2: needs --allow-read",
    });
  });
});
