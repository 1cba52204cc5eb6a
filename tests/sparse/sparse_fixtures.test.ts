// nd.sparse against SciPy 1.17's own results (tests/fixtures/fixtures_sparse.py): every
// operation on COO/CSR/CSC operands with duplicates, unsorted indices and explicit zeros,
// for float64/float32/int64/int8/uint8/bool/complex128/complex64, and the constructors.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import type { Index } from "../../mod.ts";
import {
  array,
  assertArray,
  assertExact,
  assertSame,
  type Case,
  CASES,
  operand,
  type Parts,
  type Ref,
} from "./_fixtures.ts";

type Result = nd.NDArray | sparse.SparseMatrix | string | number;

const opt = <T>(c: Case, k: string): T | undefined => (c.opts[k] ?? undefined) as T | undefined;

/** Ops whose result format differs from SciPy's on purpose (see the module docs). */
const FORMAT_DIFFERS = new Set(["multiply_dense", "getcol", "getrow"]);

function run(c: Case): Result {
  const a = c.a === undefined ? undefined! : operand(c, "a");
  const b = () => operand(c, "b");
  const x = () => array(c.x as Ref, c.file);
  const axis = opt<number>(c, "axis");
  switch (c.op) {
    case "todense":
      return a.toDense();
    case "tocsr":
      return a.tocsr();
    case "tocsc":
      return a.tocsc();
    case "str":
      return a.toString();
    case "matvec":
    case "matmat":
      return a.matmul(x());
    case "rmatvec":
      return a.rmatvec(x());
    case "sum":
      return a.sum({ axis });
    case "mean":
      return a.mean({ axis });
    case "max":
      return a.max({ axis });
    case "min":
      return a.min({ axis });
    case "count_nonzero":
      return a.countNonzero({ axis });
    case "diagonal":
      return a.diagonal(opt<number>(c, "k"));
    case "trace":
      return a.trace();
    case "add":
      return a.add(b());
    case "sub":
      return a.sub(b());
    case "multiply":
      return a.multiply(b());
    case "add_dense":
      return a.add(x());
    case "multiply_dense":
      return a.multiply(x());
    case "spgemm":
      return a.matmul(b());
    case "transpose":
      return a.T;
    case "neg":
      return a.neg();
    case "abs":
      return a.abs();
    case "mul_scalar":
      return a.mul(opt<number>(c, "s")!);
    case "power":
      return a.power(opt<number>(c, "n")!);
    case "slice":
      return a.slice(c.opts.rows as Index, c.opts.cols as Index);
    case "getrow":
      return a.getRow(opt<number>(c, "i")!);
    case "getcol":
      return a.getCol(opt<number>(c, "j")!);
    case "sum_duplicates":
      return a.copy().sumDuplicates();
    case "sort_indices":
      return a.copy().sortIndices();
    case "eliminate_zeros":
      return a.copy().eliminateZeros();
    case "eye":
      return sparse.eye(opt<number>(c, "n")!, {
        m: opt<number>(c, "m"),
        k: opt<number>(c, "k"),
        dtype: opt<nd.DType>(c, "dtype"),
      });
    case "diags":
      return sparse.diags(c.opts.diagonals as number[][], {
        offsets: opt<number | number[]>(c, "offsets"),
        shape: opt<number[]>(c, "shape"),
        // JSON cannot tell 1.0 from 1 (nd infers int64 for integral JS numbers)
        dtype: (c.result as Parts).data[3],
      });
    case "random":
      return sparse.random(opt<number>(c, "m")!, opt<number>(c, "n")!, {
        density: opt<number>(c, "density"),
        dtype: opt<nd.DType>(c, "dtype"),
        rng: nd.random.defaultRng(opt<number>(c, "seed")),
      });
    case "kron":
      return sparse.kron(a, b());
    case "tril":
      return sparse.tril(a, { k: opt<number>(c, "k") });
    case "triu":
      return sparse.triu(a, { k: opt<number>(c, "k") });
    case "vstack":
      return sparse.vstack([a, b()]);
    case "hstack":
      return sparse.hstack([a, b()]);
    case "block_diag":
      return sparse.blockDiag([a, b()]);
  }
  const unary = (a as unknown as Record<string, () => sparse.SparseMatrix>)[c.op];
  if (typeof unary === "function") return unary.call(a);
  throw new Error(`no runner for op ${c.op}`);
}

function check(c: Case, r: Result): void {
  const what = c.name;
  if (c.out === "text") {
    assert.equal(r, c.text, what);
    return;
  }
  if (c.out === "exact") {
    assertExact(r as sparse.SparseMatrix, c.result as Parts, c.file, what);
    return;
  }
  if (c.out === "sparse") {
    assert(r instanceof sparse.SparseMatrix, `${what}: expected a sparse result`);
    const parts = c.result as Parts;
    assertSame(r, parts, c.file, what, !FORMAT_DIFFERS.has(c.op));
    return;
  }
  const expected = array(c.result as Ref, c.file);
  if (typeof r === "number") {
    assert.equal(r, Number(expected.item()), what);
    return;
  }
  assert(r instanceof nd.NDArray, `${what}: expected a dense result`);
  assertArray(r, expected, what);
}

const groups = new Map<string, Case[]>();
for (const c of CASES) {
  const g = c.file;
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g)!.push(c);
}

for (const [file, cases] of groups) {
  Deno.test(`sparse fixtures: ${file}`, async (t) => {
    for (const c of cases) {
      await t.step(c.name, () => check(c, run(c)));
    }
  });
}
