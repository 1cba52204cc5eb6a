import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as plot from "../../src/plot/mod.ts";
import {
  assertThrowsMsg,
  embeddedPngs,
  marks,
  parseSvg,
  pngPixels,
  pngSize,
  texts,
} from "./_svg.ts";

/** RGBA of pixel (x, y). */
function pixel(p: { width: number; rgba: Uint8Array }, x: number, y: number): number[] {
  const i = (y * p.width + x) * 4;
  return [...p.rgba.subarray(i, i + 4)];
}

Deno.test("heatmap", async (t) => {
  await t.step("small matrices: one rect per cell, labels, colour bar", () => {
    const m = nd.arange(12).reshape([3, 4]);
    const svg = plot.heatmap(m, {
      title: "M",
      colorLabel: "value",
      xLabels: ["a", "b", "c", "d"],
      yLabels: ["r0", "r1", "r2"],
      xLabel: "columns",
    }).toSVG();
    const cells = marks(svg, "cell", "rect");
    assert.equal(cells.length, 12);
    assert.equal(new Set(cells.map((c) => c.getAttribute("fill"))).size, 12);
    // Row 0 at the top: the cell of value 0 is above the cell of value 4.
    assert(Number(cells[0].getAttribute("y")) < Number(cells[4].getAttribute("y")));
    const tx = texts(svg);
    for (const s of ["M", "value", "a", "d", "r0", "r2"]) assert(tx.includes(s), s);
    assert(tx.some((s) => s.startsWith("columns")));
    // The colour bar is a 256×1 ramp through viridis, from #440154 to #fde725.
    const [ramp] = embeddedPngs(svg);
    const p = pngPixels(ramp);
    assert.deepEqual([p.width, p.height], [256, 1]);
    assert.deepEqual(pixel(p, 0, 0), [0x44, 0x01, 0x54, 255]);
    assert.deepEqual(pixel(p, 255, 0), [0xfd, 0xe7, 0x25, 255]);
  });

  await t.step("NaN cells are left blank", () => {
    const svg = plot.heatmap([[1, NaN], [2, 3]]).toSVG();
    assert.equal(marks(svg, "cell", "rect").length, 3);
  });

  await t.step(`more than ${plot.RASTER_CELLS} cells: one raster image, no rects`, () => {
    const at = plot.heatmap(nd.zeros([64, 64])).toSVG();
    assert.equal(marks(at, "cell", "rect").length, 4096);
    const svg = plot.heatmap(nd.random.defaultRng(0).random([65, 64])).toSVG();
    assert.equal(parseSvg(svg).all("rect").filter((r) => r.getAttribute("x") !== null).length, 0);
    const images = marks(svg, "raster", "image");
    assert.equal(images.length, 1);
    assert.equal(images[0].getAttribute("image-rendering"), "pixelated");
    const [, raster] = embeddedPngs(svg); // the colour bar's ramp comes first
    const { width, height } = pngSize(raster);
    // Stored enlarged by an integer factor.
    assert.equal(width % 64, 0);
    assert.equal(height, (width / 64) * 65);
    assert(svg.length < 60_000, `${svg.length} bytes`);
  });

  await t.step("raster pixels: row 0 on top, colours of the scale, NaN transparent", () => {
    const svg = plot.heatmap([[0, 1], [2, NaN]], { raster: true, colorScale: "greys" }).toSVG();
    const p = pngPixels(embeddedPngs(svg)[1]);
    const k = p.width / 2;
    assert(Number.isInteger(k) && k > 1, `enlarged ${k} times`);
    assert.deepEqual(p.height, 2 * k);
    assert.deepEqual(pixel(p, 0, 0), [255, 255, 255, 255]); // greys(0)
    assert.deepEqual(pixel(p, k - 1, k - 1), [255, 255, 255, 255]); // the same block
    assert.deepEqual(pixel(p, 0, k), [0, 0, 0, 255]); // greys(1): the largest value, 2
    assert.equal(pixel(p, k, k)[3], 0); // NaN
    const mid = pixel(p, k, 0); // 1, halfway
    assert(mid[0] > 100 && mid[0] < 200 && mid[0] === mid[1] && mid[1] === mid[2], `${mid}`);
  });

  await t.step("raster: false keeps rects; domain and a diverging centre", () => {
    const svg = plot.heatmap(nd.zeros([70, 70]), { raster: false }).toSVG();
    assert.equal(marks(svg, "cell", "rect").length, 4900);
    const d = plot.heatmap([[-1, 3]], { colorScale: "RdBu", center: 0, domain: [-3, 3] }).toSVG();
    const [lo, hi] = marks(d, "cell", "rect").map((c) => c.getAttribute("fill"));
    assert.notEqual(lo, hi);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.heatmap([1, 2]),
      TypeError,
      "heatmap: m must be a non-empty 2-D array: got shape [2]",
    );
    assertThrowsMsg(
      () => plot.heatmap(nd.zeros([0, 3])),
      TypeError,
      "heatmap: m must be a non-empty 2-D array: got shape [0,3]",
    );
    assertThrowsMsg(
      () => plot.heatmap([[1]], { colorScale: "jet" }),
      RangeError,
      `heatmap: unknown colorScale "jet": use one of ${plot.COLOR_SCALES.join(", ")}`,
    );
    assertThrowsMsg(
      () => plot.heatmap([[1]], { domain: [1, 1] }),
      RangeError,
      "heatmap: domain must be [min, max] with finite min < max: got [1,1]",
    );
    assertThrowsMsg(
      () => plot.heatmap([[1]], { center: NaN }),
      RangeError,
      "heatmap: center must be a finite number: got NaN",
    );
    assertThrowsMsg(
      () => plot.heatmap([[1, 2, 3]], { xLabels: ["a", "b"] }),
      TypeError,
      "heatmap: 2 labels for 3 columns",
    );
    assertThrowsMsg(
      () => plot.heatmap([[1, 2, 3]], { yLabels: [] }),
      TypeError,
      "heatmap: 0 labels for 1 rows",
    );
  });
});
