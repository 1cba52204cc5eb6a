import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as plot from "../../src/plot/mod.ts";
import { assertThrowsMsg, embeddedPngs, marks, pngPixels, texts } from "./_svg.ts";

type Png = { width: number; height: number; rgba: Uint8Array };

/** The figure's single embedded image, decoded, and its enlargement factor for `w` columns. */
function image(fig: plot.Figure, w: number): { p: Png; k: number } {
  const pngs = embeddedPngs(fig.toSVG());
  assert.equal(pngs.length, 1);
  const p = pngPixels(pngs[0]);
  const k = p.width / w;
  assert(Number.isInteger(k) && k >= 1, `factor ${k}`);
  return { p, k };
}

/** RGBA of source pixel (x, y), in an image enlarged k times. */
function px(img: { p: Png; k: number }, x: number, y: number): number[] {
  const i = (y * img.k * img.p.width + x * img.k) * 4;
  return [...img.p.rgba.subarray(i, i + 4)];
}

Deno.test("imshow", async (t) => {
  await t.step("grayscale floats on [0, 1], clipped; one image, square pixels", () => {
    const fig = plot.imshow([[0, 0.5, 1], [-1, 2, NaN]], { title: "gray" });
    const img = image(fig, 3);
    assert.equal(img.p.height, 2 * img.k);
    assert.deepEqual(px(img, 0, 0), [0, 0, 0, 255]);
    assert.deepEqual(px(img, 1, 0), [128, 128, 128, 255]);
    assert.deepEqual(px(img, 2, 0), [255, 255, 255, 255]);
    assert.deepEqual(px(img, 0, 1), [0, 0, 0, 255]); // -1 clipped
    assert.deepEqual(px(img, 1, 1), [255, 255, 255, 255]); // 2 clipped
    assert.equal(px(img, 2, 1)[3], 0); // NaN: transparent
    const svg = fig.toSVG();
    assert.equal(marks(svg, "raster", "image").length, 1);
    assert(texts(svg).includes("gray"));
    // The longer side is 400 pixels by default.
    const [el] = marks(svg, "raster", "image");
    assert.equal(Number(el.getAttribute("width")), 400);
    assert(Math.abs(Number(el.getAttribute("height")) - 400 * 2 / 3) < 0.5);
  });

  await t.step("uint8 RGB and RGBA; H×W×1", () => {
    const rgb = nd.array([[[255, 0, 0], [0, 255, 0], [0, 0, 255]]], { dtype: "uint8" });
    const img = image(plot.imshow(rgb), 3);
    assert.deepEqual(px(img, 0, 0), [255, 0, 0, 255]);
    assert.deepEqual(px(img, 1, 0), [0, 255, 0, 255]);
    assert.deepEqual(px(img, 2, 0), [0, 0, 255, 255]);
    const rgba = nd.array([[[255, 0, 0, 255], [0, 0, 255, 0]]], { dtype: "uint8" });
    const a = image(plot.imshow(rgba), 2);
    assert.deepEqual(px(a, 0, 0), [255, 0, 0, 255]);
    assert.equal(px(a, 1, 0)[3], 0);
    const half = image(plot.imshow([[[1, 1, 1, 0.5]]]), 1);
    assert.deepEqual(px(half, 0, 0), [255, 255, 255, 128]);
    const one = image(plot.imshow(nd.full([2, 2, 1], 200, { dtype: "uint8" })), 2);
    assert.deepEqual(px(one, 1, 1), [200, 200, 200, 255]);
    const big = image(plot.imshow(nd.array([[300, -5]], { dtype: "int16" })), 2);
    assert.deepEqual([px(big, 0, 0)[0], px(big, 1, 0)[0]], [255, 0]);
    const bool = image(plot.imshow(nd.array([[true, false]])), 2);
    assert.deepEqual([px(bool, 0, 0)[0], px(bool, 1, 0)[0]], [255, 0]);
  });

  await t.step("normalize rescales from the image's min and max", () => {
    const img = image(plot.imshow([[10, 15, 20]], { normalize: true }), 3);
    assert.deepEqual([0, 1, 2].map((x) => px(img, x, 0)[0]), [0, 128, 255]);
    const flat = image(plot.imshow([[7, 7]], { normalize: true }), 2);
    assert.deepEqual(px(flat, 0, 0), [0, 0, 0, 255]);
  });

  await t.step("axes, labels and width", () => {
    const withAxes = texts(plot.imshow(nd.zeros([20, 30]), { xLabel: "x px" }).toSVG());
    assert(
      withAxes.includes("0") && withAxes.includes("10") && withAxes.some((s) => s.includes("x px")),
    );
    const bare = plot.imshow(nd.zeros([20, 30]), { axes: false });
    assert.deepEqual(texts(bare.toSVG()), []);
    assert.deepEqual([bare.width, bare.height], [400, 267]);
    assert.equal(plot.imshow(nd.zeros([20, 30]), { width: 300, axes: false }).width, 300);
    // Large images are stored as they are, not enlarged.
    const img = image(plot.imshow(nd.zeros([500, 600]), { axes: false }), 600);
    assert.equal(img.k, 1);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.imshow(nd.zeros([2, 2, 2])),
      TypeError,
      "imshow: img must be H×W (grayscale) or H×W×C with C = 1, 3 or 4: got shape [2,2,2]",
    );
    assertThrowsMsg(
      () => plot.imshow([1, 2]),
      TypeError,
      "imshow: img must be H×W (grayscale) or H×W×C with C = 1, 3 or 4: got shape [2]",
    );
    assertThrowsMsg(
      () => plot.imshow(nd.zeros([0, 3])),
      TypeError,
      "imshow: img must be H×W (grayscale) or H×W×C with C = 1, 3 or 4: got shape [0,3]",
    );
    assertThrowsMsg(
      () => plot.imshow(nd.zeros([2, 2]).astype("complex64")),
      TypeError,
      "imshow: img must be real: got dtype complex64",
    );
  });
});

Deno.test("imageGrid", async (t) => {
  await t.step("NCHW and NHWC are detected; grid of ceil(sqrt(N)) columns with gaps", () => {
    const rng = nd.random.defaultRng(0);
    const nchw = rng.random([6, 3, 8, 8]);
    const a = image(plot.imageGrid(nchw, { title: "batch" }), 3 * 8 + 2);
    assert.equal(a.p.height, (2 * 8 + 1) * a.k);
    const nhwc = nd.transpose(nchw, [0, 2, 3, 1]);
    const b = image(plot.imageGrid(nhwc), 3 * 8 + 2);
    assert.deepEqual(a.p.rgba, b.p.rgba);
    assert(texts(plot.imageGrid(nchw, { title: "batch" }).toSVG()).includes("batch"));
  });

  await t.step("pixels land in their tiles; gaps and missing tiles are transparent", () => {
    // Three 1×1 NHWC uint8 images: red, green, blue, in 2 columns.
    const batch = nd.array([[[[255, 0, 0]]], [[[0, 255, 0]]], [[[0, 0, 255]]]], { dtype: "uint8" });
    const img = image(plot.imageGrid(batch, { cols: 2, layout: "NHWC" }), 3);
    assert.equal(img.p.height, 3 * img.k);
    assert.deepEqual(px(img, 0, 0), [255, 0, 0, 255]);
    assert.equal(px(img, 1, 0)[3], 0); // gap
    assert.deepEqual(px(img, 2, 0), [0, 255, 0, 255]);
    assert.deepEqual(px(img, 0, 2), [0, 0, 255, 255]);
    assert.equal(px(img, 2, 2)[3], 0); // no fourth image
  });

  await t.step("N×H×W grayscale; normalize per image; cols larger than N", () => {
    const img = image(plot.imageGrid([[[0, 1]], [[10, 20]]], { normalize: true, cols: 5 }), 5);
    assert.deepEqual([0, 1, 3, 4].map((x) => px(img, x, 0)[0]), [0, 255, 0, 255]);
  });

  await t.step("an explicit layout settles ambiguous shapes", () => {
    const batch = nd.zeros([2, 3, 8, 3]);
    image(plot.imageGrid(batch, { layout: "NHWC" }), 2 * 8 + 1);
    image(plot.imageGrid(batch, { layout: "NCHW", cols: 1 }), 3);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 3, 8, 3])),
      TypeError,
      'imageGrid: cannot tell the layout of shape [2,3,8,3]: pass layout "NCHW" or "NHWC"',
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 5, 8, 5])),
      TypeError,
      "imageGrid: shape [2,5,8,5] has no channel axis of size 1, 3 or 4 " +
        "(axis 1 for NCHW, axis 3 for NHWC)",
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 8, 8, 3]), { layout: "NCHW" }),
      TypeError,
      'imageGrid: layout "NCHW" needs 1, 3 or 4 channels: got shape [2,8,8,3]',
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 3, 8, 8]), { layout: "NHWC" }),
      TypeError,
      'imageGrid: layout "NHWC" needs 1, 3 or 4 channels: got shape [2,3,8,8]',
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 3, 8, 8]), { layout: "CHW" as "NCHW" }),
      RangeError,
      'imageGrid: layout must be "NCHW" or "NHWC": got "CHW"',
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([8, 8])),
      TypeError,
      "imageGrid: batch must be N×H×W, N×C×H×W or N×H×W×C: got shape [8,8]",
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([0, 3, 8, 8])),
      TypeError,
      "imageGrid: batch is empty: got shape [0,3,8,8]",
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 8, 8]), { cols: 0 }),
      RangeError,
      "imageGrid: cols must be a positive integer: got 0",
    );
    assertThrowsMsg(
      () => plot.imageGrid(nd.zeros([2, 8, 8]), { cols: 1.5 }),
      RangeError,
      "imageGrid: cols must be a positive integer: got 1.5",
    );
  });
});
