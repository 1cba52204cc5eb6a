import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as plot from "../../src/plot/mod.ts";
import { assertThrowsMsg, marks, parseSvg, texts } from "./_svg.ts";

Deno.test("bar", async (t) => {
  await t.step("one bar per value, labels under the bars, title and axis labels", () => {
    const fig = plot.bar(nd.array([0.8, 0.02, -0.3]), {
      labels: ["loop", "vectorized", "blas"],
      title: "Time",
      xLabel: "method",
      yLabel: "seconds",
    });
    const svg = fig.toSVG();
    const bars = marks(svg, "bar", "rect");
    assert.equal(bars.length, 3);
    const t2 = texts(svg);
    for (const s of ["Time", "loop", "vectorized", "blas", "↑ seconds"]) assert(t2.includes(s), s);
    assert(t2.some((s) => s.startsWith("method")), "x label");
    // The negative bar hangs below the zero rule: it starts where the positive ones end.
    const y0 = Number(bars[0].getAttribute("y")) + Number(bars[0].getAttribute("height"));
    assert.equal(Number(bars[2].getAttribute("y")), y0);
    // A constant colour goes on the group, not on every bar.
    assert.equal(bars[0].getAttribute("fill"), null);
    assert(svg.includes('<g fill="#4269d0" aria-label="bar">'));
  });

  await t.step("nested arrays, default index labels, thinned and slanted ticks", () => {
    assert.deepEqual(texts(plot.bar([1, 2, 3]).toSVG()).slice(-3), ["0", "1", "2"]);
    const many = plot.bar(nd.arange(100), {
      labels: Array.from({ length: 100 }, (_, i) => `item ${i}`),
    });
    const svg = many.toSVG();
    assert.equal(marks(svg, "bar", "rect").length, 100);
    const ticks = parseSvg(svg).all('g[aria-label="x-axis tick label"] > text');
    assert.equal(ticks.length, 20);
    assert.match(ticks[1].getAttribute("transform") ?? "", /rotate\(-35\)/);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.bar([[1, 2]]),
      TypeError,
      "bar: values must be a non-empty 1-D array: got shape [1,2]",
    );
    assertThrowsMsg(
      () => plot.bar([]),
      TypeError,
      "bar: values must be a non-empty 1-D array: got shape [0]",
    );
    assertThrowsMsg(
      () => plot.bar([1, 2], { labels: ["a"] }),
      TypeError,
      "bar: 1 labels for 2 values",
    );
    assertThrowsMsg(
      () => plot.bar([1], { labels: "a" as unknown as string[] }),
      TypeError,
      "bar: labels must be an array of strings: got string",
    );
    assertThrowsMsg(
      () => plot.bar(nd.array([1, 2]).astype("complex128")),
      TypeError,
      "bar: values must be real: got dtype complex128",
    );
    assertThrowsMsg(
      () => plot.bar(null as unknown as number[]),
      TypeError,
      "bar: values must be an array: got null",
    );
    assertThrowsMsg(
      () => plot.bar(["a"] as unknown as number[]),
      TypeError,
      "bar: cannot make an array element from string a",
    );
    assertThrowsMsg(
      () => plot.bar([1], { title: 3 as unknown as string }),
      TypeError,
      "bar: title must be a string: got number",
    );
    assertThrowsMsg(
      () => plot.bar([1], { xLabel: 3 as unknown as string }),
      TypeError,
      "bar: xLabel must be a string: got number",
    );
    assertThrowsMsg(
      () => plot.bar([1], { width: 10 }),
      RangeError,
      "bar: width must be a number of pixels in [50, 20000]: got 10",
    );
    assertThrowsMsg(
      () => plot.bar([1], { height: NaN }),
      RangeError,
      "bar: height must be a number of pixels in [50, 20000]: got NaN",
    );
    assertThrowsMsg(
      () => plot.bar([1], { background: 0 as unknown as string }),
      TypeError,
      "bar: background must be a colour string or null: got number",
    );
    assertThrowsMsg(
      () => plot.bar([1], null as unknown as plot.BarOpts),
      TypeError,
      "bar: options must be an object: got null",
    );
  });

  await t.step("size and background options", () => {
    const fig = plot.bar([1, 2], { width: 300, height: 200, background: null });
    assert.equal(fig.width, 300);
    assert.equal(fig.height, 200);
    assert(!fig.toSVG().includes('fill="white"'));
    assert(plot.bar([1]).toSVG().includes('<rect fill="white" height="100%" width="100%" />'));
  });
});

Deno.test("line", async (t) => {
  const x = nd.linspace(0, 1, { num: 11 });

  await t.step("one series: one path of n points", () => {
    const svg = plot.line(x, x.mul(x), { xLabel: "x", yLabel: "x²", title: "Square" }).toSVG();
    const paths = marks(svg, "line", "path");
    assert.equal(paths.length, 1);
    assert.equal((paths[0].getAttribute("d") ?? "").match(/[ML]/g)?.length, 11);
    const tx = texts(svg);
    assert(tx.includes("Square") && tx.some((s) => s.includes("x²")));
  });

  await t.step("several series (2-D or nested) get distinct colours and a legend", () => {
    const fig = plot.line(x, [x, x.mul(2), x.mul(3)], { labels: ["a", "b", "c"], markers: true });
    const svg = fig.toSVG();
    const paths = marks(svg, "line", "path");
    assert.equal(paths.length, 3);
    const colors = paths.map((p) => p.getAttribute("stroke"));
    assert.equal(new Set(colors).size, 3);
    assert.equal(marks(svg, "dot", "circle").length, 33);
    assert(["a", "b", "c"].every((l) => texts(svg).includes(l)));
    // The legend swatches use the lines' colours, in order.
    const swatch = parseSvg(svg).all("path").filter((p) => /^M10,/.test(p.getAttribute("d") ?? ""));
    assert.equal(swatch[0].getAttribute("stroke"), colors[0]);
  });

  await t.step("long sorted series are decimated (M4) without changing the picture", () => {
    const n = 20_000;
    const xs = nd.linspace(0, 10, { num: n });
    const ys = nd.sin(xs).add(nd.random.defaultRng(3).standardNormal([n]).mul(0.1));
    const points = (d: string) =>
      [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const full = points(
      marks(plot.line(xs, ys, { markers: true }).toSVG(), "line", "path")[0]
        .getAttribute("d")!,
    );
    const svg = plot.line(xs, ys).toSVG();
    const dec = points(marks(svg, "line", "path")[0].getAttribute("d")!);
    assert.equal(full.length, n);
    assert(dec.length <= 4 * 640 && dec.length > 640, `${dec.length} points`);
    assert(svg.length < 40_000, `${svg.length} bytes`);
    // Same first and last points and the same extremes in every pixel column.
    assert.deepEqual(dec[0], full[0]);
    assert.deepEqual(dec.at(-1), full.at(-1));
    const [x0, x1] = [full[0][0], full.at(-1)![0]];
    const extremes = (ps: number[][]) => {
      const m = new Map<number, [number, number]>();
      for (const [x, y] of ps) {
        const col = Math.min(639, Math.floor((x - x0) / (x1 - x0) * 640));
        const e = m.get(col) ?? [Infinity, -Infinity];
        m.set(col, [Math.min(e[0], y), Math.max(e[1], y)]);
      }
      return m;
    };
    const ef = extremes(full), ed = extremes(dec);
    let same = 0;
    for (const [col, e] of ef) same += JSON.stringify(ed.get(col)) === JSON.stringify(e) ? 1 : 0;
    assert.equal(ef.size, 640);
    assert(same >= ef.size * 0.98, `${same} of ${ef.size} columns`);
    // Unsorted x is drawn point for point.
    const back = nd.linspace(1, 0, { num: 3000 });
    const d = marks(plot.line(back, back).toSVG(), "line", "path")[0].getAttribute("d")!;
    assert.equal(points(d).length, 3000);
  });

  await t.step("x null plots against the indices; NaN leaves a gap", () => {
    const svg = plot.line(null, [1, NaN, 3, 4]).toSVG();
    const d = marks(svg, "line", "path")[0].getAttribute("d") ?? "";
    assert.equal(d.match(/M/g)?.length, 2);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.line(x, nd.zeros([2, 2, 2])),
      TypeError,
      "line: ys must be a non-empty 1-D array or a 2-D array of series: got shape [2,2,2]",
    );
    assertThrowsMsg(
      () => plot.line(x, [1, 2]),
      TypeError,
      "line: x of shape [11] does not match 2 points per series (ys of shape [2])",
    );
    assertThrowsMsg(
      () => plot.line(null, [[1, 2], [3, 4]], { labels: ["a"] }),
      TypeError,
      "line: 1 labels for 2 series",
    );
    assertThrowsMsg(() => plot.line(null, [[1], [2, 3]]), TypeError, /* from asarray */ ragged());
    assertThrowsMsg(
      () => plot.line(null, [nd.array([1, 2]), new Float64Array([1, 2, 3])]),
      TypeError,
      "line: ys[1] has 3 points and ys[0] has 2",
    );
  });
});

function ragged(): string {
  try {
    nd.array([[1], [2, 3]]);
  } catch (e) {
    return (e as Error).message.replace(/^array:/, "line:");
  }
  return "";
}

Deno.test("scatter", async (t) => {
  const rng = nd.random.defaultRng(1);
  const a = rng.standardNormal([50]), b = rng.standardNormal([50]);

  await t.step("one circle per point; constant radius and colour", () => {
    const svg = plot.scatter(a, b, { xLabel: "a", yLabel: "b", title: "S", r: 2 }).toSVG();
    const dots = marks(svg, "dot", "circle");
    assert.equal(dots.length, 50);
    assert.equal(dots[0].getAttribute("r"), "2");
    assert.equal(dots[0].getAttribute("fill"), null);
    assert(svg.includes('<g fill="#4269d0" aria-label="dot">'));
    assert(texts(svg).includes("S"));
  });

  await t.step("per-point colours get a colour bar", () => {
    const svg = plot.scatter(a, b, { color: a, colorScale: "Magma", colorLabel: "value" })
      .toSVG();
    const dots = marks(svg, "dot", "circle");
    assert.equal(dots.length, 50);
    const fills = dots.map((d) => d.getAttribute("fill"));
    assert(new Set(fills).size > 30);
    // The smallest and largest values get magma's ends.
    const av = a.toArray() as number[];
    assert.equal(fills[av.indexOf(Math.min(...av))], "#000004");
    assert.equal(fills[av.indexOf(Math.max(...av))], "#fcfdbf");
    assert(texts(svg).includes("value"));
    const [ramp] = parseSvg(svg).all("image");
    assert.match(ramp.getAttribute("href") ?? "", /^data:image\/png;base64,/);
  });

  await t.step("opacity and named colours go on the group", () => {
    const svg = plot.scatter([1, 2], [3, 4], { color: "red", opacity: 0.5 }).toSVG();
    assert(svg.includes('<g fill-opacity="0.5" fill="red" aria-label="dot">'));
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.scatter([1, 2], [1]),
      TypeError,
      "scatter: x has 2 points and y has 1",
    );
    assertThrowsMsg(
      () => plot.scatter([[1]], [1]),
      TypeError,
      "scatter: x must be a non-empty 1-D array: got shape [1,1]",
    );
    assertThrowsMsg(
      () => plot.scatter([1], [1], { r: 0 }),
      RangeError,
      "scatter: r must be a positive number: got 0",
    );
    assertThrowsMsg(
      () => plot.scatter([1], [1], { opacity: 2 }),
      RangeError,
      "scatter: opacity must be in [0, 1]: got 2",
    );
    assertThrowsMsg(
      () => plot.scatter([1], [1], { color: [1, 2] }),
      TypeError,
      "scatter: 2 colour values for 1 points",
    );
    assertThrowsMsg(
      () => plot.scatter([1], [1], { color: [1], colorScale: "jet" }),
      RangeError,
      `scatter: unknown colorScale "jet": use one of ${plot.COLOR_SCALES.join(", ")}`,
    );
  });
});

Deno.test("hist", async (t) => {
  const a = nd.random.defaultRng(2).standardNormal([500]);

  await t.step("bins as nd.histogram computes them, one rect per bin", () => {
    const svg = plot.hist(a, { bins: 15, title: "H" }).toSVG();
    const rects = marks(svg, "rect", "rect");
    assert.equal(rects.length, 15);
    const { hist } = nd.histogram(a, { bins: 15 });
    // Heights are proportional to the counts.
    const h = rects.map((r) => Number(r.getAttribute("height")));
    const c = hist.toArray() as bigint[];
    const hMax = Math.max(...h), cMax = Math.max(...c.map(Number));
    h.forEach((v, i) => assert(Math.abs(v / hMax - Number(c[i]) / cMax) < 1e-3, `bin ${i}`));
    assert(texts(svg).includes("↑ count") && texts(svg).includes("H"));
  });

  await t.step("estimators, edges, range and density; any shape is flattened", () => {
    assert.equal(marks(plot.hist(a, { bins: "sturges" }).toSVG(), "rect", "rect").length, 10);
    assert.equal(
      marks(plot.hist([[1, 2], [2, 3]], { bins: [0, 2, 4] }).toSVG(), "rect", "rect").length,
      2,
    );
    const svg = plot.hist(a, { range: [0, 1], density: true }).toSVG();
    assert.equal(marks(svg, "rect", "rect").length, 10);
    assert(texts(svg).includes("↑ density"));
  });

  await t.step("errors", () => {
    assertThrowsMsg(() => plot.hist([]), TypeError, "hist: a is empty: got shape [0]");
    assertThrowsMsg(
      () => plot.hist(nd.array([1]).astype("complex64")),
      TypeError,
      "hist: a must be real: got dtype complex64",
    );
    let expected = "";
    try {
      nd.histogram([1, 2], { bins: 0 });
    } catch (e) {
      assert(e instanceof RangeError || e instanceof TypeError);
      expected = e.message.replace(/^histogram:/, "hist:");
      assertThrowsMsg(
        () => plot.hist([1, 2], { bins: 0 }),
        e.constructor as typeof RangeError,
        expected,
      );
    }
    assert(expected.startsWith("hist: "), expected);
    // histogram's TypeErrors are renamed the same way.
    assertThrowsMsg(
      () => plot.hist([1, 2, 3], { range: [1] as unknown as [number, number] }),
      TypeError,
      "hist: range must be an array of two numbers [min, max], got 1",
    );
  });
});
