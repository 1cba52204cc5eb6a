import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as plot from "../../src/plot/mod.ts";
import { assertThrowsMsg, embeddedPngs, marks, pngPixels, pngSize, texts } from "./_svg.ts";

/** A stand-in for nd's sparse matrices: shape and tocoo(). */
function coo(shape: number[], row: ArrayLike<number>, col: ArrayLike<number>): plot.SparseLike {
  return { shape, tocoo: () => ({ row: Int32Array.from(row), col: Int32Array.from(col) }) };
}

/** `n` distinct positions in an `rows × cols` matrix, reproducibly. */
function positions(n: number, rows: number, cols: number): { r: number[]; c: number[] } {
  const r: number[] = [], c: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = (i * 7919) % (rows * cols);
    r.push(Math.floor(k / cols));
    c.push(k % cols);
  }
  return { r, c };
}

Deno.test("spy", async (t) => {
  await t.step("dense input: a cell-sized square per nonzero, row 0 on top", () => {
    const svg = plot.spy(nd.eye(5), { title: "eye" }).toSVG();
    const rects = marks(svg, "rect", "rect");
    assert.equal(rects.length, 5);
    const y = rects.map((r) => Number(r.getAttribute("y")));
    assert.deepEqual(y, [...y].sort((a, b) => a - b));
    assert(texts(svg).includes("eye"));
    assert(texts(svg).includes("4"));
  });

  await t.step("precision; NaN counts as a nonzero; nested arrays", () => {
    assert.equal(
      marks(plot.spy([[0.1, 2], [0, 0]], { precision: 0.5 }).toSVG(), "rect", "rect").length,
      1,
    );
    assert.equal(marks(plot.spy([[NaN, 0], [0, -1]]).toSVG(), "rect", "rect").length, 2);
    assert.equal(marks(plot.spy(nd.zeros([3, 3])).toSVG(), "rect", "rect").length, 0);
  });

  await t.step("sparse-like objects (Int32Array or NDArray indices); dots on big matrices", () => {
    const s = coo([1000, 1000], [0, 10, 999], [999, 10, 0]);
    const svg = plot.spy(s).toSVG();
    assert.equal(marks(svg, "dot", "circle").length, 3);
    const nd1 = { shape: [4, 6], tocoo: () => ({ row: nd.array([0, 3]), col: nd.array([5, 0]) }) };
    assert.equal(marks(plot.spy(nd1).toSVG(), "rect", "rect").length, 2);
    const dots = plot.spy(nd1, { markerSize: 2 }).toSVG();
    assert.equal(marks(dots, "dot", "circle")[0].getAttribute("r"), "2");
  });

  await t.step("stored values: explicit zeros and |data| <= precision are left out", () => {
    const s = {
      shape: [3, 3],
      tocoo: () => ({ row: [0, 1, 2], col: [0, 1, 2], data: nd.array([1, 0, 0.2]) }),
    };
    assert.equal(marks(plot.spy(s).toSVG(), "rect", "rect").length, 2);
    assert.equal(marks(plot.spy(s, { precision: 0.5 }).toSVG(), "rect", "rect").length, 1);
    const z = nd.array([0, 1]).astype("complex128").mul(nd.array([1, 0.1])); // moduli 0 and 0.1
    const c = { shape: [1, 2], tocoo: () => ({ row: [0, 0], col: [0, 1], data: z }) };
    assert.equal(marks(plot.spy(c).toSVG(), "rect", "rect").length, 1);
    assert.equal(marks(plot.spy(c, { precision: 0.1 }).toSVG(), "rect", "rect").length, 0);
    const dense = nd.array([[0, 1]]).astype("complex64");
    assert.equal(marks(plot.spy(dense).toSVG(), "rect", "rect").length, 1);
  });

  await t.step(`more than ${plot.SPY_MARKS} nonzeros: a raster of counts per block`, () => {
    const { r, c } = positions(plot.SPY_MARKS + 1, 1000, 1000);
    const svg = plot.spy(coo([1000, 1000], r, c)).toSVG();
    assert.equal(marks(svg, "dot", "circle").length, 0);
    assert(texts(svg).includes("nonzeros per 3×3 block"));
    const [, raster] = embeddedPngs(svg); // after the colour bar
    assert.deepEqual(pngSize(raster), { width: 334, height: 334 });
    // Exactly one pixel per position is painted (the positions fall in distinct blocks or add up).
    const p = pngPixels(raster);
    let painted = 0;
    for (let i = 3; i < p.rgba.length; i += 4) painted += p.rgba[i] > 0 ? 1 : 0;
    const blocks = new Set(r.map((ri, i) => `${Math.floor(ri / 3)},${Math.floor(c[i] / 3)}`));
    assert.equal(painted, blocks.size);
  });

  await t.step("raster of single cells (small matrices): one colour, no colour bar", () => {
    const { r, c } = positions(20, 10, 10);
    const svg = plot.spy(coo([10, 12], r, c), { raster: true }).toSVG();
    const pngs = embeddedPngs(svg);
    assert.equal(pngs.length, 1);
    const p = pngPixels(pngs[0]);
    const k = p.width / 12;
    assert(Number.isInteger(k) && p.height === 10 * k);
    const at = (
      x: number,
      y: number,
    ) => [...p.rgba.subarray((y * k * p.width + x * k) * 4, (y * k * p.width + x * k) * 4 + 4)];
    assert.deepEqual(at(c[0], r[0]), [0x42, 0x69, 0xd0, 255]);
    const empty = [...Array(120).keys()].find((i) => !r.some((ri, j) => ri * 12 + c[j] === i))!;
    assert.equal(at(empty % 12, Math.floor(empty / 12))[3], 0);
  });

  await t.step("errors", () => {
    assertThrowsMsg(
      () => plot.spy([1, 2]),
      TypeError,
      "spy: a must be a 2-D array or a sparse matrix (with shape and tocoo()): got shape [2]",
    );
    assertThrowsMsg(
      () => plot.spy(coo([2], [], [])),
      TypeError,
      "spy: shape must be two non-negative integers: got [2]",
    );
    assertThrowsMsg(
      () => plot.spy(coo([2, -1], [], [])),
      TypeError,
      "spy: shape must be two non-negative integers: got [2,-1]",
    );
    assertThrowsMsg(
      () => plot.spy(coo([2, 2], [0, 1], [0])),
      TypeError,
      "spy: tocoo() returned 2 row indices and 1 column indices",
    );
    assertThrowsMsg(
      () => plot.spy(coo([2, 2], [0, 2], [0, 1])),
      RangeError,
      "spy: tocoo() entry 1 at (2, 1) is outside shape [2,2]",
    );
    assertThrowsMsg(
      () => plot.spy({ shape: [2, 2], tocoo: () => ({}) } as unknown as plot.SparseLike),
      TypeError,
      "spy: tocoo().row must be an array: got undefined",
    );
    assertThrowsMsg(
      () => plot.spy({ shape: [2, 2], tocoo: () => ({ row: [0], col: [0], data: [1, 2] }) }),
      TypeError,
      "spy: tocoo() returned 2 values for 1 entries",
    );
    assertThrowsMsg(
      () => plot.spy(coo([0, 3], [], [])),
      TypeError,
      "spy: the matrix is empty: shape [0,3]",
    );
    assertThrowsMsg(
      () => plot.spy([[1]], { precision: -1 }),
      RangeError,
      "spy: precision must be a non-negative number: got -1",
    );
    assertThrowsMsg(
      () => plot.spy([[1]], { markerSize: 0 }),
      RangeError,
      "spy: markerSize must be a positive number: got 0",
    );
  });
});
