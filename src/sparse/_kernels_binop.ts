// Merging two canonical compressed structures of the same shape, segment by segment (SciPy's
// csr_binop_csr_canonical): the union of the patterns (add, sub) or their intersection
// (multiply). Values follow through `pa`/`pb`: for each output entry the position of A's
// and B's entry, or -1 where that operand has none.

/** A merged pattern with the source position of each output entry in A and in B. */
export interface Merged {
  indptr: Int32Array;
  indices: Int32Array;
  pa: Int32Array;
  pb: Int32Array;
}

/** The union of two canonical patterns. */
export function unionMerge(
  nMajor: number,
  ap: Int32Array,
  aj: Int32Array,
  bp: Int32Array,
  bj: Int32Array,
): Merged {
  const cap = ap[nMajor] + bp[nMajor];
  const indptr = new Int32Array(nMajor + 1), indices = new Int32Array(cap);
  const pa = new Int32Array(cap), pb = new Int32Array(cap);
  let w = 0;
  for (let i = 0; i < nMajor; i++) {
    let p = ap[i], q = bp[i];
    const pe = ap[i + 1], qe = bp[i + 1];
    while (p < pe && q < qe) {
      const x = aj[p], y = bj[q];
      if (x === y) {
        indices[w] = x;
        pa[w] = p++;
        pb[w++] = q++;
      } else if (x < y) {
        indices[w] = x;
        pa[w] = p++;
        pb[w++] = -1;
      } else {
        indices[w] = y;
        pa[w] = -1;
        pb[w++] = q++;
      }
    }
    for (; p < pe; p++) {
      indices[w] = aj[p];
      pa[w] = p;
      pb[w++] = -1;
    }
    for (; q < qe; q++) {
      indices[w] = bj[q];
      pa[w] = -1;
      pb[w++] = q;
    }
    indptr[i + 1] = w;
  }
  return {
    indptr,
    indices: indices.slice(0, w),
    pa: pa.slice(0, w),
    pb: pb.slice(0, w),
  };
}

/** The intersection of two canonical patterns. */
export function intersectMerge(
  nMajor: number,
  ap: Int32Array,
  aj: Int32Array,
  bp: Int32Array,
  bj: Int32Array,
): Merged {
  const cap = Math.min(ap[nMajor], bp[nMajor]);
  const indptr = new Int32Array(nMajor + 1), indices = new Int32Array(cap);
  const pa = new Int32Array(cap), pb = new Int32Array(cap);
  let w = 0;
  for (let i = 0; i < nMajor; i++) {
    let p = ap[i], q = bp[i];
    const pe = ap[i + 1], qe = bp[i + 1];
    while (p < pe && q < qe) {
      const x = aj[p], y = bj[q];
      if (x === y) {
        indices[w] = x;
        pa[w] = p++;
        pb[w++] = q++;
      } else if (x < y) p++;
      else q++;
    }
    indptr[i + 1] = w;
  }
  return {
    indptr,
    indices: indices.slice(0, w),
    pa: pa.slice(0, w),
    pb: pb.slice(0, w),
  };
}
