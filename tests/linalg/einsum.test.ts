// einsum against NumPy 2.4 (tests/fixtures/fixtures_linalg_products.py), against a brute-force
// sum over every label assignment on random subscripts (fast-check), and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { testOnBackends } from "./_backends.ts";

const DIR = new URL("../fixtures/linalg_products/", import.meta.url);

interface Arg {
  key: string;
  view: "T" | "rev" | null;
}
interface Case {
  name: string;
  subscripts: string;
  args: Arg[];
  expected: string;
}

const INDEX = JSON.parse(Deno.readTextFileSync(new URL("index.json", DIR))) as {
  einsum: Case[];
};
const ARRAYS = nd.load(new URL("einsum.npz", DIR)) as Record<string, nd.NDArray>;

function arg(a: Arg): nd.NDArray {
  const x = ARRAYS[a.key];
  if (a.view === "T") return x.T;
  if (a.view === "rev") return x.slice("::-1");
  return x;
}

/** Tolerances by result dtype: NumPy and nd sum in different orders (and float16 via float32). */
const TOL: Partial<Record<nd.DType, { rtol: number; atol: number }>> = {
  float16: { rtol: 2e-3, atol: 2e-3 },
  float32: { rtol: 1e-5, atol: 1e-5 },
  complex64: { rtol: 1e-5, atol: 1e-5 },
  float64: { rtol: 1e-12, atol: 1e-12 },
  complex128: { rtol: 1e-12, atol: 1e-12 },
};

testOnBackends("einsum matches NumPy", async (t) => {
  assert(INDEX.einsum.length >= 60);
  for (const c of INDEX.einsum) {
    await t.step(`${c.name}: "${c.subscripts}"`, () => {
      const want = ARRAYS[c.expected];
      const got = nd.einsum(c.subscripts, ...c.args.map(arg));
      assert.equal(got.dtype, want.dtype, "dtype");
      assert.deepEqual(got.shape, want.shape, "shape");
      assert(got.flags.cContiguous, "C-contiguous result");
      const tol = TOL[want.dtype];
      if (tol) nd.testing.assertAllClose(got, want, { ...tol, strict: true });
      else nd.testing.assertArrayEqual(got, want, { strict: true });
    });
  }
  await t.step("the fixtures cover every dtype kind", () => {
    const kinds = new Set(INDEX.einsum.map((c) => ARRAYS[c.expected].dtype));
    for (const d of ["float64", "int64", "int8", "complex128", "bool"]) {
      assert(kinds.has(d as nd.DType), d);
    }
  });
});

testOnBackends("einsum semantics", async (t) => {
  await t.step("the result never shares memory with an operand", () => {
    const a = nd.arange(9).reshape([3, 3]);
    for (const s of ["ij->ij", "ij->ji", "ii->i", "ij"]) {
      const r = nd.einsum(s, a);
      assert.notEqual(r.data.buffer, a.data.buffer, s);
      assert(r.flags.writeable, s);
    }
  });
  await t.step("JS numbers and nested arrays are int64/float64 operands", () => {
    const r = nd.einsum(",i->i", 2, nd.array([1, 2], { dtype: "int8" }));
    assert.equal(r.dtype, "int64");
    assert.deepEqual(r.toArray(), [2n, 4n]);
    assert.equal(nd.einsum("i,i", [1, 2], [0.5, 0.25]).item(), 1);
  });
  await t.step("an output '...' without broadcast axes in the inputs is allowed", () => {
    assert.deepEqual(nd.einsum("ij->...ji", nd.ones([2, 3])).shape, [3, 2]);
  });
  await t.step("size-1 axes broadcast against every size, 0 included", () => {
    assert.deepEqual(nd.einsum("ij,jk->ik", nd.ones([2, 1]), nd.ones([0, 4])).toArray(), [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    assert.deepEqual(nd.einsum("i,i->i", nd.ones([1]), nd.ones([0])).shape, [0]);
  });
});

// Brute force: visit every assignment of every label, multiply the operands' elements and
// add the product into the output element. Operands are float64 with small integer values,
// so every sum is exact and the comparison is bit for bit.
interface Spec {
  terms: string[];
  out: string | null;
  sizes: Record<string, number>;
  ones: boolean[][];
  seed: number;
}

function brute(spec: Spec): { subscripts: string; ops: nd.NDArray[]; want: nd.NDArray } {
  let state = spec.seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 24) % 7 - 3;
  };
  const dimOf = (k: number, i: number) => (spec.ones[k][i] ? 1 : spec.sizes[spec.terms[k][i]]);
  const ops = spec.terms.map((term, k) => {
    // A repeated label gets one size within an operand: take the first occurrence's.
    const shape = [...term].map((l, i) => dimOf(k, term.indexOf(l) === i ? i : term.indexOf(l)));
    const data = new Float64Array(shape.reduce((p, s) => p * s, 1)).map(() => next());
    return nd.asarray(data).reshape(shape);
  });
  const labels = [...new Set(spec.terms.join(""))].sort();
  const size: Record<string, number> = {};
  for (const l of labels) {
    size[l] = 1;
    spec.terms.forEach((term, k) =>
      [...term].forEach((m, i) => {
        const d = ops[k].shape[i];
        if (m === l && d !== 1) size[l] = d;
      })
    );
  }
  const out = spec.out ?? labels.filter((l) => spec.terms.join("").split(l).length === 2).join("");
  const outShape = [...out].map((l) => size[l]);
  const acc = new Float64Array(outShape.reduce((p, s) => p * s, 1));
  const idx: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  const total = labels.reduce((p, l) => p * size[l], 1);
  for (let n = 0; n < total; n++) {
    let rem = n;
    for (let j = labels.length - 1; j >= 0; j--) {
      idx[labels[j]] = rem % size[labels[j]];
      rem = Math.floor(rem / size[labels[j]]);
    }
    let p = 1;
    spec.terms.forEach((term, k) => {
      const at = [...term].map((l, i) => (ops[k].shape[i] === 1 ? 0 : idx[l]));
      p *= ops[k].get(...at) as number;
    });
    let o = 0;
    for (const l of out) o = o * size[l] + idx[l];
    acc[o] += p;
  }
  const subscripts = spec.terms.join(",") + (spec.out === null ? "" : "->" + spec.out);
  return { subscripts, ops, want: nd.asarray(acc).reshape(outShape) };
}

/** True about one time in five: which operand axes are size 1 (broadcast). */
const rareTrue = fc.integer({ min: 0, max: 4 }).map((x) => x === 0);

/** Any subscripts over up to three operands and four labels, explicit or implicit. */
const specArb: fc.Arbitrary<Spec> = fc.record({
  terms: fc.array(fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  }).map((ts) => ts.map((t) => t.join(""))),
  explicit: fc.boolean(),
  sizes: fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 3 }))),
  ones: fc.array(fc.array(rareTrue, { minLength: 3, maxLength: 3 }), {
    minLength: 3,
    maxLength: 3,
  }),
  seed: fc.integer(),
  order: fc.array(fc.integer(), { minLength: 4, maxLength: 4 }),
  pick: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
}).map((r) => {
  const used = [...new Set(r.terms.join(""))].sort();
  const out = r.explicit
    ? used.filter((_, i) => r.pick[i]).sort((x, y) =>
      r.order["abcd".indexOf(x)] - r.order["abcd".indexOf(y)]
    ).join("")
    : null;
  const sizes = Object.fromEntries([..."abcd"].map((l, i) => [l, r.sizes[i]]));
  return { terms: r.terms, out, sizes, ones: r.ones, seed: r.seed };
});

const perm = (labels: string) =>
  fc.shuffledSubarray([...labels], { minLength: labels.length, maxLength: labels.length })
    .map((x) => x.join(""));

/**
 * Two operands with batch labels b (and maybe c), free labels i and k and a summed label j,
 * in any axis order, with sizes up to 9: the pairwise contraction runs as a batched matmul or
 * as a broadcast multiply and sum, depending on the sizes.
 */
const batchedArb: fc.Arbitrary<Spec> = fc.boolean().chain((twoBatch) => {
  const c = twoBatch ? "c" : "";
  return fc.record({
    terms: fc.tuple(perm("bij" + c), perm("bjk" + c)),
    out: perm("bik" + c),
    sizes: fc.tuple(
      ...[3, 3, 9, 9, 9].map((max) => fc.integer({ min: max === 3 ? 1 : 3, max })),
    ),
    ones: fc.array(fc.array(rareTrue, { minLength: 4, maxLength: 4 }), {
      minLength: 2,
      maxLength: 2,
    }),
    seed: fc.integer(),
  }).map((r) => ({
    terms: [...r.terms],
    out: r.out,
    sizes: Object.fromEntries([..."bcijk"].map((l, i) => [l, r.sizes[i]])),
    ones: r.ones,
    seed: r.seed,
  }));
});

testOnBackends("einsum properties", async (t) => {
  await t.step("random subscripts equal a brute-force sum over all label values", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const { subscripts, ops, want } = brute(spec);
        const got = nd.einsum(subscripts, ...ops);
        nd.testing.assertArrayEqual(got, want, { strict: true, errMsg: subscripts });
      }),
      { numRuns: 400 },
    );
  });
  await t.step("batched contractions equal a brute-force sum", () => {
    fc.assert(
      fc.property(batchedArb, (spec) => {
        const { subscripts, ops, want } = brute(spec);
        const got = nd.einsum(subscripts, ...ops);
        nd.testing.assertArrayEqual(got, want, { strict: true, errMsg: subscripts });
      }),
      { numRuns: 200 },
    );
  });
  const dims = fc.integer({ min: 0, max: 6 });
  await t.step('"ij,jk->ik" equals matmul and a triple loop', () => {
    fc.assert(
      fc.property(dims, dims, dims, fc.integer(), (m, k, n, seed) => {
        const rng = (i: number) => Math.sin(seed + i * 12.9898) * 8;
        const a = nd.asarray(Float64Array.from({ length: m * k }, (_, i) => rng(i))).reshape([
          m,
          k,
        ]);
        const b = nd.asarray(Float64Array.from({ length: k * n }, (_, i) => rng(i + 99)))
          .reshape([k, n]);
        const got = nd.einsum("ij,jk->ik", a, b);
        nd.testing.assertAllClose(got, nd.matmul(a, b), { strict: true });
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let p = 0; p < k; p++) s += (a.get(i, p) as number) * (b.get(p, j) as number);
            assert(Math.abs((got.get(i, j) as number) - s) <= 1e-12 * (1 + Math.abs(s)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
  await t.step('"ij->ji" equals transpose', () => {
    fc.assert(
      fc.property(
        dims,
        dims,
        fc.constantFrom("int32", "float64", "bool", "complex64"),
        (m, n, dt) => {
          const a = nd.arange(m * n).reshape([m, n]).astype(dt as nd.DType);
          const got = nd.einsum("ij->ji", a);
          nd.testing.assertArrayEqual(got, nd.transpose(a), { strict: true });
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              assert.deepEqual(got.get(j, i), a.get(i, j));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

Deno.test("einsum errors", async (t) => {
  const a = nd.ones([2, 3]);
  const bad = (f: () => unknown, name: string, message: string) =>
    assert.throws(f, (e: Error) => {
      assert.equal(e.name, name);
      assert.equal(e.message, message);
      return true;
    });
  await t.step("malformed subscripts are SyntaxErrors", () => {
    const cases: [string, nd.NDArray[], string][] = [
      ["ij->i->j", [a], `einsum: "->" appears more than once in "ij->i->j"`],
      [
        "i#j",
        [a],
        `einsum: invalid subscript "#" in operand 0 of "i#j": subscripts must be letters`,
      ],
      [
        "ij,j1",
        [a, nd.ones([3])],
        `einsum: invalid subscript "1" in operand 1 of "ij,j1": subscripts must be letters`,
      ],
      [
        "ij->i#",
        [a],
        `einsum: invalid subscript "#" in the output of "ij->i#": subscripts must be letters`,
      ],
      [
        "ij-",
        [a],
        `einsum: invalid subscript "-" in "ij-": '-' and '>' may only appear together as "->"`,
      ],
      [
        "ij>i",
        [a],
        `einsum: invalid subscript ">" in "ij>i": '-' and '>' may only appear together as "->"`,
      ],
      ["ij->ii", [a], `einsum: output label i appears more than once in "ij->ii"`],
      ["ij->k", [a], `einsum: output label k does not appear in the inputs of "ij->k"`],
      ["ij->I", [a], `einsum: output label I does not appear in the inputs of "ij->I"`],
      ["i..j", [a], `einsum: a '.' that is not part of an ellipsis ('...') in operand 0 of "i..j"`],
      ["....", [a], `einsum: a '.' that is not part of an ellipsis ('...') in operand 0 of "...."`],
      ["i...j...", [a], `einsum: '...' appears more than once in operand 0 of "i...j..."`],
      ["...->......", [a], `einsum: '...' appears more than once in the output of "...->......"`],
      [
        "ij->i,j",
        [a],
        `einsum: the output subscripts of "ij->i,j" contain ',': there is one output`,
      ],
      ["ij,jk", [a], `einsum: subscripts "ij,jk" describe 2 operands but 1 was given`],
      ["ij", [a, a], `einsum: subscripts "ij" describe 1 operand but 2 were given`],
      ["", [], `einsum: subscripts "" describe 1 operand but 0 were given`],
    ];
    for (const [s, ops, msg] of cases) bad(() => nd.einsum(s, ...ops), "SyntaxError", msg);
  });
  await t.step("subscripts that do not fit the operands are TypeErrors", () => {
    const cases: [string, nd.NDArray[], string][] = [
      ["ij,jk", [a, nd.ones([4, 2])], "einsum: label j has size 3 in operand 0 and 4 in operand 1"],
      [
        "i,i,i",
        [nd.ones([1]), nd.ones([3]), nd.ones([2])],
        "einsum: label i has size 3 in operand 1 and 2 in operand 2",
      ],
      [
        "ii",
        [nd.ones([3, 1])],
        "einsum: label i is repeated in operand 0 with sizes 3 and 1: a diagonal needs equal sizes",
      ],
      [
        "...,...",
        [nd.ones([2, 2]), nd.ones([3])],
        "einsum: '...' axis 1 has size 2 in operand 0 and 3 in operand 1",
      ],
      ["ijk", [a], `einsum: operand 0 has 2 dimensions but its subscripts in "ijk" give 3 labels`],
      [
        "i",
        [a],
        `einsum: operand 0 has 2 dimensions but its subscripts in "i" give 1 label and no '...' for the others`,
      ],
      [
        "i",
        [nd.array(1)],
        `einsum: operand 0 has 0 dimensions but its subscripts in "i" give 1 label`,
      ],
      [
        "...ijk",
        [a],
        `einsum: operand 0 has 2 dimensions but its subscripts in "...ijk" give 3 labels besides '...'`,
      ],
      [
        "...i->i",
        [a],
        `einsum: the output subscripts of "...i->i" have no '...' for the 1 broadcast dimension that '...' covers in the inputs`,
      ],
    ];
    for (const [s, ops, msg] of cases) bad(() => nd.einsum(s, ...ops), "TypeError", msg);
    bad(
      () => nd.einsum(3 as unknown as string, a),
      "TypeError",
      `einsum: subscripts must be a string like "ij,jk->ik", got number`,
    );
    assert.throws(() => nd.einsum("i", [[1], [1, 2]] as unknown as nd.ArrayLike), {
      name: "TypeError",
      message: /^einsum: inhomogeneous nested arrays/,
    });
  });
});
