// Properties of the statistics functions over random inputs (fast-check).
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../../mod.ts";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const floats = fc.array(finite, { minLength: 1, maxLength: 60 });
// Values on a grid of 1/64 (no bins narrower than the data's resolution).
const grid = fc.array(fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 64), {
  minLength: 1,
  maxLength: 60,
});
const ints = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 });

function num(a: nd.NDArray): number {
  return Number(a.item());
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

Deno.test("median and percentile agree", async (t) => {
  await t.step("percentile(a, 50) == median(a) exactly on integers", () => {
    fc.assert(fc.property(ints, (xs) => num(nd.percentile(xs, 50)) === num(nd.median(xs))));
  });
  await t.step("quantile(a, 0.5) ≈ median(a) on floats", () => {
    fc.assert(fc.property(floats, (xs) => near(num(nd.quantile(xs, 0.5)), num(nd.median(xs)))));
  });
  await t.step("median is the middle of the sorted values", () => {
    fc.assert(fc.property(floats, (xs) => {
      const s = Float64Array.from(xs).sort();
      const n = s.length;
      const want = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      return num(nd.median(xs)) === want;
    }));
  });
  await t.step("median along an axis equals the median of each slice", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.array(finite, { minLength: 6, maxLength: 6 * 8 }),
      (rows, xs) => {
        const cols = Math.floor(xs.length / rows);
        if (cols === 0) return true;
        const a = nd.array(xs.slice(0, rows * cols)).reshape([rows, cols]);
        const m = nd.median(a, { axis: 1 }).toArray() as number[];
        return m.every((v, i) => v === num(nd.median(a.slice(i))));
      },
    ));
  });
  await t.step("nanmedian ignores NaNs", () => {
    fc.assert(fc.property(floats, fc.array(fc.nat(60)), (xs, at) => {
      const withNan = xs.slice();
      for (const i of at) withNan.splice(i % (withNan.length + 1), 0, NaN);
      return num(nd.nanmedian(withNan)) === num(nd.median(xs));
    }));
  });
});

Deno.test("quantiles are order statistics", async (t) => {
  await t.step("quantile(a, 0) == min(a) and quantile(a, 1) == max(a)", () => {
    fc.assert(
      fc.property(
        floats,
        (xs) =>
          num(nd.quantile(xs, 0)) === num(nd.min(xs)) &&
          num(nd.quantile(xs, 1)) === num(nd.max(xs)),
      ),
    );
  });
  await t.step("lower <= linear <= higher, lower and higher pick elements", () => {
    fc.assert(fc.property(floats, fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
      const lo = num(nd.quantile(xs, q, { method: "lower" }));
      const hi = num(nd.quantile(xs, q, { method: "higher" }));
      const mid = num(nd.quantile(xs, q));
      return lo <= mid && mid <= hi && xs.includes(lo) && xs.includes(hi);
    }));
  });
  await t.step("quantiles grow with q", () => {
    fc.assert(fc.property(floats, (xs) => {
      const qs = nd.linspace(0, 1, { num: 21 });
      for (const method of ["linear", "hazen", "weibull", "nearest", "midpoint"] as const) {
        const v = nd.quantile(xs, qs, { method }).toArray() as number[];
        for (let i = 1; i < v.length; i++) if (!(v[i - 1] <= v[i])) return false;
      }
      return true;
    }));
  });
  await t.step("every method stays within [min, max]", () => {
    fc.assert(fc.property(ints, fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
      const lo = Math.min(...xs), hi = Math.max(...xs);
      for (
        const method of [
          "inverted_cdf",
          "averaged_inverted_cdf",
          "closest_observation",
          "interpolated_inverted_cdf",
          "hazen",
          "weibull",
          "linear",
          "median_unbiased",
          "normal_unbiased",
          "lower",
          "higher",
          "midpoint",
          "nearest",
        ] as const
      ) {
        const v = num(nd.quantile(xs, q, { method }));
        if (!(v >= lo && v <= hi)) return false;
      }
      return true;
    }));
  });
});

Deno.test("histogram and counting", async (t) => {
  await t.step("counts sum to the number of values inside the range", () => {
    fc.assert(fc.property(
      floats,
      fc.integer({ min: 1, max: 40 }),
      finite,
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      (xs, bins, lo, width) => {
        const hi = lo + width;
        const { hist } = nd.histogram(xs, { bins, range: [lo, hi] });
        const inside = xs.filter((x) => x >= lo && x <= hi).length;
        return Number(nd.sum(hist).item()) === inside && hist.size === bins;
      },
    ));
  });
  await t.step("each value lands in the bin whose edges hold it", () => {
    fc.assert(fc.property(grid, fc.integer({ min: 1, max: 30 }), (xs, bins) => {
      const { hist, binEdges } = nd.histogram(xs, { bins });
      const e = binEdges.toArray() as number[];
      const want = new Array(bins).fill(0);
      for (const x of xs) {
        let k = e.findIndex((_, i) => i < bins && e[i] <= x && x < e[i + 1]);
        if (k < 0 && x === e[bins]) k = bins - 1;
        if (k >= 0) want[k]++;
      }
      return (hist.toArray() as bigint[]).every((c, i) => Number(c) === want[i]);
    }));
  });
  await t.step("explicit edges (repeats allowed) hold [left, right), the last one closed", () => {
    const edgesArb = fc.array(fc.integer({ min: -40, max: 40 }).map((i) => i / 4), {
      minLength: 1,
      maxLength: 12,
    }).map((e) => e.sort((p, q) => p - q));
    const values = fc.array(
      fc.oneof(fc.integer({ min: -48, max: 48 }).map((i) => i / 4), fc.constant(NaN)),
      { maxLength: 80 },
    );
    fc.assert(fc.property(edgesArb, values, (e, xs) => {
      const { hist } = nd.histogram(nd.array(xs, { dtype: "float64" }), { bins: e });
      const m = e.length - 1;
      const want = new Array(Math.max(m, 0)).fill(0);
      for (let i = 0; i < m; i++) {
        for (const x of xs) {
          if (e[i] <= x && (x < e[i + 1] || (i === m - 1 && x === e[m]))) want[i]++;
        }
      }
      return (hist.toArray() as bigint[]).every((c, i) => Number(c) === want[i]) &&
        hist.size === want.length;
    }));
  });
  await t.step("density integrates to one", () => {
    fc.assert(fc.property(grid, fc.integer({ min: 1, max: 30 }), (xs, bins) => {
      const { hist, binEdges } = nd.histogram(xs, { bins, density: true });
      const h = hist.toArray() as number[], e = binEdges.toArray() as number[];
      const total = h.reduce((s, v, i) => s + v * (e[i + 1] - e[i]), 0);
      return near(total, 1);
    }));
  });
  await t.step("bincount counts every value and digitize agrees with the edges", () => {
    fc.assert(fc.property(fc.array(fc.nat(50), { maxLength: 80 }), (xs) => {
      const c = nd.bincount(nd.array(xs, { dtype: "int64" })).toArray() as bigint[];
      return c.reduce((s, v) => s + Number(v), 0) === xs.length &&
        xs.every((x) => c[x] === BigInt(xs.filter((y) => y === x).length));
    }));
    fc.assert(fc.property(ints, fc.uniqueArray(fc.integer({ min: -1000, max: 1000 })), (xs, b) => {
      const bins = b.sort((p, q) => p - q);
      const d = nd.digitize(xs, bins).toArray() as bigint[];
      return xs.every((x, i) => {
        const k = Number(d[i]);
        return (k === 0 || bins[k - 1] <= x) && (k === bins.length || x < bins[k]);
      });
    }));
  });
  await t.step("countNonzero counts values that are not zero", () => {
    fc.assert(
      fc.property(ints, (xs) => num(nd.countNonzero(xs)) === xs.filter((x) => x !== 0).length),
    );
  });
});

Deno.test("differences, averages and covariance", async (t) => {
  await t.step("a[0] + cumsum(diff(a)) rebuilds a", () => {
    fc.assert(fc.property(ints, (xs) => {
      const d = nd.diff(xs).toArray() as bigint[];
      let acc = BigInt(xs[0]);
      return d.every((v, i) => (acc += v) === BigInt(xs[i + 1]));
    }));
  });
  await t.step("diff with n applies diff n times", () => {
    fc.assert(fc.property(ints, fc.integer({ min: 0, max: 5 }), (xs, n) => {
      let a = nd.array(xs);
      for (let i = 0; i < n; i++) a = nd.diff(a);
      assert.deepEqual(nd.diff(xs, { n }).toArray(), a.toArray());
      return true;
    }));
  });
  await t.step("equal weights give the mean", () => {
    fc.assert(fc.property(floats, fc.integer({ min: 1, max: 9 }), (xs, w) => {
      const avg = num(nd.average(xs, { weights: xs.map(() => w) }));
      return near(avg, num(nd.mean(xs)));
    }));
  });
  await t.step("cov of one variable is its variance with ddof 1", () => {
    fc.assert(fc.property(fc.array(finite, { minLength: 2, maxLength: 40 }), (xs) => {
      const c = num(nd.cov(xs)), v = num(nd.var(xs, { ddof: 1 }));
      return Math.abs(c - v) <= 1e-9 * Math.max(1, Math.abs(v));
    }));
  });
  await t.step("corrcoef entries lie in [-1, 1] with ones on the diagonal", () => {
    fc.assert(fc.property(
      fc.array(fc.array(finite, { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 4 }),
      (rows) => {
        const r = nd.corrcoef(rows).toArray() as number[][];
        return r.every((row, i) =>
          row.every((v, j) => Number.isNaN(v) || (v >= -1 && v <= 1 && (i !== j || near(v, 1))))
        );
      },
    ));
  });
});
