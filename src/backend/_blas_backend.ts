/**
 * The {@link Backend} over loaded CBLAS/LAPACK symbols: each routine validates its arguments
 * (`validate.ts`), delegates to the fallback backend when its symbol is missing, skips empty
 * work, then calls the library. Scalars travel in small reused views, workspaces come from
 * LAPACK's own size queries.
 *
 * @module
 */

import type { Backend, FloatBuffer } from "./types.ts";
import {
  INT32_MAX,
  validateDot,
  validateGeev,
  validateGelsd,
  validateGemm,
  validateGemv,
  validateGeqrf,
  validateGesdd,
  validateGetrf,
  validateGetrs,
  validateOrgqr,
  validatePotrf,
  validateSyevd,
} from "./validate.ts";
import { threadStackBytes } from "./_thread_stack.ts";
import {
  DT,
  NAMES,
  type NativeFn,
  type Row,
  ROW_MAJOR,
  SET_THREADS,
  THREADS,
  TRANS_COMPLEX,
  TRANS_REAL,
} from "./_blas_symbols.ts";

/**
 * Thread stacks smaller than this (bytes) run OpenBLAS's `getrf` single-threaded: its
 * parallel LU needs about 0.5 MiB of stack per recursion level (Debian's 64-thread build).
 * The main thread has 8 MiB less a guard page by default, Web Workers 4 MiB, and the threads
 * `deno test` runs most modules on 2 MiB.
 */
export const SMALL_STACK: number = 6 << 20;

/** Elements of workspace kept between calls (per buffer); larger ones are dropped after use. */
export const WORK_CACHE_LIMIT: number = 1 << 20;

function lapackError(fn: string, info: number): Error {
  return new Error(`${fn}: LAPACK rejected argument ${-info}: this is a bug in nd's validation`);
}

export function makeBackend(found: Map<string, NativeFn>, fallback: Backend): Backend {
  const row = (names: string[]): Row => names.map((n) => found.get(n) ?? null);
  const T = {
    gemm: row(NAMES.gemm),
    gemv: row(NAMES.gemv),
    dotu: row(NAMES.dotu),
    dotc: row(NAMES.dotc),
    getrf: row(NAMES.getrf),
    getrs: row(NAMES.getrs),
    geqrf: row(NAMES.geqrf),
    orgqr: row(NAMES.orgqr),
    gesdd: row(NAMES.gesdd),
    syevd: row(NAMES.syevd),
    geev: row(NAMES.geev),
    potrf: row(NAMES.potrf),
    gelsd: row(NAMES.gelsd),
  };

  // Scalar arguments: views on one off-heap buffer, reused by every call.
  const mem = new ArrayBuffer(256);
  const int = (k: number) => new Int32Array(mem, 4 * k, 1);
  const iM = int(0), iN = int(1), iK = int(2), iNrhs = int(3), iLda = int(4), iLdb = int(5);
  const iLdu = int(6), iLdvt = int(7), iLwork = int(8), iLrwork = int(9), iLiwork = int(10);
  const iInfo = int(11), iRank = int(12), iQuery = int(13);
  const c1 = new Uint8Array(mem, 56, 1), c2 = new Uint8Array(mem, 57, 1);
  const alpha64 = new Float64Array(mem, 64, 2), beta64 = new Float64Array(mem, 80, 2);
  const out64 = new Float64Array(mem, 96, 2), real64 = new Float64Array(mem, 112, 2);
  const dummy64 = new Float64Array(mem, 128, 2);
  const alpha32 = new Float32Array(mem, 144, 2), beta32 = new Float32Array(mem, 152, 2);
  const out32 = new Float32Array(mem, 160, 2), real32 = new Float32Array(mem, 168, 2);
  const dummy32 = new Float32Array(mem, 176, 2);

  // Workspaces: slot 0 work, 1 rwork, 2 auxiliary; grown on demand, kept up to the limit.
  const pool32 = [new Float32Array(0), new Float32Array(0), new Float32Array(0)];
  const pool64 = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  let poolInt = new Int32Array(0);
  const work = (i: number, slot: number, len: number): FloatBuffer => {
    if (i === 0 || i === 2) {
      let b = pool32[slot];
      if (b.length < len) {
        b = new Float32Array(len);
        if (len <= WORK_CACHE_LIMIT) pool32[slot] = b;
      }
      return b;
    }
    let b = pool64[slot];
    if (b.length < len) {
      b = new Float64Array(len);
      if (len <= WORK_CACHE_LIMIT) pool64[slot] = b;
    }
    return b;
  };
  const iwork = (len: number): Int32Array => {
    if (poolInt.length >= len) return poolInt;
    const b = new Int32Array(len);
    if (len <= WORK_CACHE_LIMIT) poolInt = b;
    return b;
  };
  /** Sizes from a workspace query, rounded up (single-precision queries may round down). */
  const size = (fn: string, v: number, single: boolean, min: number): number => {
    let n = Math.ceil(v);
    if (single && n > 1 << 24) n = Math.ceil(n * (1 + 2 ** -22));
    n = Math.max(n, min, 1);
    if (!(n <= INT32_MAX)) {
      throw new RangeError(`${fn}: the LAPACK workspace of ${n} elements exceeds ${INT32_MAX}`);
    }
    return n;
  };
  const queryBuf = (i: number): FloatBuffer => (i === 0 || i === 2 ? out32 : out64);
  const realBuf = (i: number): FloatBuffer => (i === 0 || i === 2 ? real32 : real64);
  const dummy = (i: number): FloatBuffer => (i === 0 || i === 2 ? dummy32 : dummy64);
  const view = (buf: FloatBuffer, off: number, slots: number): FloatBuffer =>
    off === 0 ? buf : buf.subarray(off * slots);
  const getThreads = found.get(THREADS), setThreads = found.get(SET_THREADS);
  /** Runs `call` with one OpenBLAS thread when this thread's stack is small (see SMALL_STACK). */
  const onSmallStackSerial = (call: () => void): void => {
    if (getThreads === undefined || setThreads === undefined) return call();
    const stack = threadStackBytes();
    const threads = stack !== null && stack < SMALL_STACK ? getThreads() as number : 1;
    if (threads <= 1) return call();
    setThreads(1);
    try {
      call();
    } finally {
      setThreads(threads);
    }
  };
  /**
   * The info of gesdd or gelsd, except that -4 (gesdd: "A had a NaN entry", LAPACK ≥ 3.7;
   * gelsd: its scaling of A refused a NaN norm) is reported as a convergence failure, as the
   * TypeScript backend and NumPy report a NaN input.
   */
  const nanAsNoConvergence = (chk: (fn: string) => number, fn: string): number =>
    iInfo[0] === -4 ? 1 : chk(fn);
  const check = (fn: string): number => {
    const info = iInfo[0];
    if (info < 0) throw lapackError(fn, info);
    return info;
  };

  // Each routine: validate, delegate when the symbol is missing, skip empty work, call.
  const gemm: Backend["gemm"] = (
    dt,
    tA,
    tB,
    m,
    n,
    k,
    alpha,
    a,
    oA,
    lda,
    b,
    oB,
    ldb,
    beta,
    c,
    oC,
    ldc,
  ) => {
    validateGemm(dt, tA, tB, m, n, k, alpha, a, oA, lda, b, oB, ldb, beta, c, oC, ldc);
    const i = DT[dt], f = T.gemm[i];
    if (f === null) {
      return fallback.gemm(dt, tA, tB, m, n, k, alpha, a, oA, lda, b, oB, ldb, beta, c, oC, ldc);
    }
    if (m === 0 || n === 0) return;
    const sl = i < 2 ? 1 : 2, A = view(a, oA, sl), B = view(b, oB, sl), C = view(c, oC, sl);
    if (i < 2) {
      f(ROW_MAJOR, TRANS_REAL[tA], TRANS_REAL[tB], m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
      return;
    }
    const al = i === 2 ? alpha32 : alpha64, be = i === 2 ? beta32 : beta64;
    al[0] = alpha, be[0] = beta;
    f(ROW_MAJOR, TRANS_COMPLEX[tA], TRANS_COMPLEX[tB], m, n, k, al, A, lda, B, ldb, be, C, ldc);
  };

  const gemv: Backend["gemv"] = (
    dt,
    tr,
    m,
    n,
    alpha,
    a,
    oA,
    lda,
    x,
    oX,
    incX,
    beta,
    y,
    oY,
    incY,
  ) => {
    validateGemv(dt, tr, m, n, alpha, a, oA, lda, x, oX, incX, beta, y, oY, incY);
    const i = DT[dt], f = T.gemv[i];
    if (f === null) {
      return fallback.gemv(dt, tr, m, n, alpha, a, oA, lda, x, oX, incX, beta, y, oY, incY);
    }
    const ny = tr === "N" ? m : n, sl = i < 2 ? 1 : 2;
    if (ny === 0) return;
    if (m === 0 || n === 0) {
      // BLAS returns early on an empty A without scaling y: do it here (beta = 0 writes zeros).
      for (let j = 0, p = oY * sl; j < ny; j++, p += incY * sl) {
        y[p] = beta === 0 ? 0 : beta * y[p];
        if (sl === 2) y[p + 1] = beta === 0 ? 0 : beta * y[p + 1];
      }
      return;
    }
    const A = view(a, oA, sl), X = view(x, oX, sl), Y = view(y, oY, sl);
    if (i < 2) {
      f(ROW_MAJOR, TRANS_REAL[tr], m, n, alpha, A, lda, X, incX, beta, Y, incY);
      return;
    }
    const al = i === 2 ? alpha32 : alpha64, be = i === 2 ? beta32 : beta64;
    al[0] = alpha, be[0] = beta;
    f(ROW_MAJOR, TRANS_COMPLEX[tr], m, n, al, A, lda, X, incX, be, Y, incY);
  };

  const dot: Backend["dot"] = (dt, n, x, oX, incX, y, oY, incY, conj) => {
    validateDot(dt, n, x, oX, incX, y, oY, incY, conj);
    const i = DT[dt], f = (conj ? T.dotc : T.dotu)[i];
    if (f === null) return fallback.dot(dt, n, x, oX, incX, y, oY, incY, conj);
    if (n === 0) return [0, 0];
    if (i < 2) return [f(n, view(x, oX, 1), incX, view(y, oY, 1), incY) as number, 0];
    const out = queryBuf(i);
    f(n, view(x, oX, 2), incX, view(y, oY, 2), incY, out);
    return [out[0], out[1]];
  };

  const getrf: Backend["getrf"] = (dt, m, n, a, lda, ipiv) => {
    validateGetrf(dt, m, n, a, lda, ipiv);
    const f = T.getrf[DT[dt]];
    if (f === null) return fallback.getrf(dt, m, n, a, lda, ipiv);
    if (m === 0 || n === 0) return 0;
    iM[0] = m, iN[0] = n, iLda[0] = lda, iInfo[0] = 0;
    onSmallStackSerial(() => f(iM, iN, a, iLda, ipiv, iInfo));
    return check("getrf");
  };

  const getrs: Backend["getrs"] = (dt, trans, n, nrhs, a, lda, ipiv, b, ldb) => {
    validateGetrs(dt, trans, n, nrhs, a, lda, ipiv, b, ldb);
    const f = T.getrs[DT[dt]];
    if (f === null) return fallback.getrs(dt, trans, n, nrhs, a, lda, ipiv, b, ldb);
    if (n === 0 || nrhs === 0) return 0;
    c1[0] = trans.charCodeAt(0);
    iN[0] = n, iNrhs[0] = nrhs, iLda[0] = lda, iLdb[0] = ldb, iInfo[0] = 0;
    f(c1, iN, iNrhs, a, iLda, ipiv, b, iLdb, iInfo, 1);
    return check("getrs");
  };

  const geqrf: Backend["geqrf"] = (dt, m, n, a, lda, tau) => {
    validateGeqrf(dt, m, n, a, lda, tau);
    const i = DT[dt], f = T.geqrf[i];
    if (f === null) return fallback.geqrf(dt, m, n, a, lda, tau);
    if (m === 0 || n === 0) return 0;
    const q = queryBuf(i);
    iM[0] = m, iN[0] = n, iLda[0] = lda, iLwork[0] = -1, iInfo[0] = 0;
    f(iM, iN, a, iLda, tau, q, iLwork, iInfo);
    check("geqrf");
    const lw = (iLwork[0] = size("geqrf", q[0], i === 0 || i === 2, n));
    f(iM, iN, a, iLda, tau, work(i, 0, lw * (i < 2 ? 1 : 2)), iLwork, iInfo);
    return check("geqrf");
  };

  const orgqr: Backend["orgqr"] = (dt, m, n, k, a, lda, tau) => {
    validateOrgqr(dt, m, n, k, a, lda, tau);
    const i = DT[dt], f = T.orgqr[i];
    if (f === null) return fallback.orgqr(dt, m, n, k, a, lda, tau);
    if (n === 0) return 0;
    const q = queryBuf(i);
    iM[0] = m, iN[0] = n, iK[0] = k, iLda[0] = lda, iLwork[0] = -1, iInfo[0] = 0;
    f(iM, iN, iK, a, iLda, tau, q, iLwork, iInfo);
    check("orgqr");
    const lw = (iLwork[0] = size("orgqr", q[0], i === 0 || i === 2, n));
    f(iM, iN, iK, a, iLda, tau, work(i, 0, lw * (i < 2 ? 1 : 2)), iLwork, iInfo);
    return check("orgqr");
  };

  const gesdd: Backend["gesdd"] = (dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt) => {
    validateGesdd(dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
    const i = DT[dt], f = T.gesdd[i];
    if (f === null) return fallback.gesdd(dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
    const mn = Math.min(m, n), mx = Math.max(m, n), sl = i < 2 ? 1 : 2;
    if (mn === 0) {
      // LAPACK returns at once; give the square factors of jobz "A" their natural value.
      if (jobz === "A") {
        identity(u as FloatBuffer, m, ldu, sl);
        identity(vt as FloatBuffer, n, ldvt, sl);
      }
      return 0;
    }
    const none = jobz === "N", U = none ? dummy(i) : u!, VT = none ? dummy(i) : vt!;
    c1[0] = jobz.charCodeAt(0);
    iM[0] = m, iN[0] = n, iLda[0] = lda, iInfo[0] = 0, iLwork[0] = -1;
    iLdu[0] = none ? 1 : ldu, iLdvt[0] = none ? 1 : ldvt;
    const iw = iwork(8 * mn), q = queryBuf(i);
    if (i < 2) {
      f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, q, iLwork, iw, iInfo, 1);
      check("gesdd");
      const w = work(i, 0, iLwork[0] = size("gesdd", q[0], i === 0, 1));
      f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, w, iLwork, iw, iInfo, 1);
      return nanAsNoConvergence(check, "gesdd");
    }
    // rwork sizes from the LAPACK documentation of cgesdd/zgesdd.
    const lrw = none ? 7 * mn : Math.max(5 * mn * mn + 5 * mn, 2 * mx * mn + 2 * mn * mn + mn);
    const rw = work(i, 1, lrw);
    f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, q, iLwork, rw, iw, iInfo, 1);
    check("gesdd");
    const w = work(i, 0, 2 * (iLwork[0] = size("gesdd", q[0], i === 2, 1)));
    f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, w, iLwork, rw, iw, iInfo, 1);
    return nanAsNoConvergence(check, "gesdd");
  };

  const syevd: Backend["syevd"] = (dt, jobz, uplo, n, a, lda, w) => {
    validateSyevd(dt, jobz, uplo, n, a, lda, w);
    const i = DT[dt], f = T.syevd[i];
    if (f === null) return fallback.syevd(dt, jobz, uplo, n, a, lda, w);
    if (n === 0) return 0;
    const single = i === 0 || i === 2, q = queryBuf(i), rq = realBuf(i);
    c1[0] = jobz.charCodeAt(0), c2[0] = uplo.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iLwork[0] = -1, iLrwork[0] = -1, iLiwork[0] = -1, iInfo[0] = 0;
    if (i < 2) {
      f(c1, c2, iN, a, iLda, w, q, iLwork, iQuery, iLiwork, iInfo, 1, 1);
      check("syevd");
      const wk = work(i, 0, iLwork[0] = size("syevd", q[0], single, 1));
      const iw = iwork(iLiwork[0] = size("syevd", iQuery[0], false, 1));
      f(c1, c2, iN, a, iLda, w, wk, iLwork, iw, iLiwork, iInfo, 1, 1);
      return check("syevd");
    }
    f(c1, c2, iN, a, iLda, w, q, iLwork, rq, iLrwork, iQuery, iLiwork, iInfo, 1, 1);
    check("syevd");
    const wk = work(i, 0, 2 * (iLwork[0] = size("syevd", q[0], single, 1)));
    const rw = work(i, 1, iLrwork[0] = size("syevd", rq[0], single, 1));
    const iw = iwork(iLiwork[0] = size("syevd", iQuery[0], false, 1));
    f(c1, c2, iN, a, iLda, w, wk, iLwork, rw, iLrwork, iw, iLiwork, iInfo, 1, 1);
    return check("syevd");
  };

  const geev: Backend["geev"] = (dt, jobvr, n, a, lda, w, vr, ldvr) => {
    validateGeev(dt, jobvr, n, a, lda, w, vr, ldvr);
    const i = DT[dt], f = T.geev[i];
    if (f === null) return fallback.geev(dt, jobvr, n, a, lda, w, vr, ldvr);
    if (n === 0) return 0;
    // jobvl = "N": vl is a dummy with ldvl = 1 (iLdu); ldvr goes in iLdvt.
    const q = queryBuf(i), vl = dummy(i), VR = jobvr === "V" ? vr! : vl;
    c1[0] = 78, c2[0] = jobvr.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iLdu[0] = 1, iLdvt[0] = jobvr === "V" ? ldvr : 1;
    iLwork[0] = -1, iInfo[0] = 0;
    if (i < 2) {
      const aux = work(i, 2, 2 * n), wr = aux.subarray(0, n), wi = aux.subarray(n, 2 * n);
      f(c1, c2, iN, a, iLda, wr, wi, vl, iLdu, VR, iLdvt, q, iLwork, iInfo, 1, 1);
      check("geev");
      const wk = work(i, 0, iLwork[0] = size("geev", q[0], i === 0, 4 * n));
      f(c1, c2, iN, a, iLda, wr, wi, vl, iLdu, VR, iLdvt, wk, iLwork, iInfo, 1, 1);
      for (let j = 0; j < n; j++) {
        w[2 * j] = wr[j];
        w[2 * j + 1] = wi[j];
      }
      return check("geev");
    }
    const rw = work(i, 1, 2 * n);
    f(c1, c2, iN, a, iLda, w, vl, iLdu, VR, iLdvt, q, iLwork, rw, iInfo, 1, 1);
    check("geev");
    const wk = work(i, 0, 2 * (iLwork[0] = size("geev", q[0], i === 2, 2 * n)));
    f(c1, c2, iN, a, iLda, w, vl, iLdu, VR, iLdvt, wk, iLwork, rw, iInfo, 1, 1);
    return check("geev");
  };

  const potrf: Backend["potrf"] = (dt, uplo, n, a, lda) => {
    validatePotrf(dt, uplo, n, a, lda);
    const f = T.potrf[DT[dt]];
    if (f === null) return fallback.potrf(dt, uplo, n, a, lda);
    if (n === 0) return 0;
    c1[0] = uplo.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iInfo[0] = 0;
    f(c1, iN, a, iLda, iInfo, 1);
    return check("potrf");
  };

  const gelsd: Backend["gelsd"] = (dt, m, n, nrhs, a, lda, b, ldb, s, rcond) => {
    validateGelsd(dt, m, n, nrhs, a, lda, b, ldb, s, rcond);
    const i = DT[dt], f = T.gelsd[i];
    if (f === null) return fallback.gelsd(dt, m, n, nrhs, a, lda, b, ldb, s, rcond);
    const sl = i < 2 ? 1 : 2;
    if (m === 0 || n === 0) {
      // LAPACK returns at once; the minimum-norm solution of an empty system is zero.
      for (let c = 0; c < nrhs; c++) b.fill(0, c * ldb * sl, (c * ldb + n) * sl);
      return { info: 0, rank: 0 };
    }
    // dlalsd needs nrhs ≥ 1: for nrhs = 0 solve for one zero right-hand side in scratch.
    const nr = nrhs === 0 ? 1 : nrhs, ldx = nrhs === 0 ? Math.max(m, n) : ldb;
    const B = nrhs === 0 ? work(i, 2, ldx * sl).fill(0, 0, ldx * sl) : b;
    const single = i === 0 || i === 2, q = queryBuf(i), rq = realBuf(i);
    const rc = dummy(i); // rcond, by reference
    rc[0] = rcond;
    iM[0] = m, iN[0] = n, iNrhs[0] = nr, iLda[0] = lda, iLdb[0] = ldx;
    iLwork[0] = -1, iInfo[0] = 0, iRank[0] = 0, iQuery[0] = 0;
    // Documented minimum sizes (SMLSIZ = 25), used when a query reports less.
    const mn = Math.min(m, n);
    const nlvl = Math.max(0, Math.trunc(Math.log2(mn / 26)) + 1);
    const minIw = 3 * mn * nlvl + 11 * mn;
    if (i < 2) {
      f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, q, iLwork, iQuery, iInfo);
      check("gelsd");
      const wk = work(i, 0, iLwork[0] = size("gelsd", q[0], single, 1));
      const iw = iwork(size("gelsd", iQuery[0], false, minIw));
      f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, wk, iLwork, iw, iInfo);
      return { info: nanAsNoConvergence(check, "gelsd"), rank: iRank[0] };
    }
    rq[0] = 0;
    f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, q, iLwork, rq, iQuery, iInfo);
    check("gelsd");
    const minRw = 10 * mn + 2 * mn * 25 + 8 * mn * nlvl + 3 * 25 * nr +
      Math.max(26 * 26, mn * (1 + nr) + 2 * nr);
    const wk = work(i, 0, 2 * (iLwork[0] = size("gelsd", q[0], single, 1)));
    const rw = work(i, 1, size("gelsd", rq[0], single, minRw));
    const iw = iwork(size("gelsd", iQuery[0], false, minIw));
    f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, wk, iLwork, rw, iw, iInfo);
    return { info: nanAsNoConvergence(check, "gelsd"), rank: iRank[0] };
  };

  return Object.freeze({
    name: "blas" as const,
    gemm,
    gemv,
    dot,
    getrf,
    getrs,
    geqrf,
    orgqr,
    gesdd,
    syevd,
    geev,
    potrf,
    gelsd,
  });
}

/** Writes the n×n identity (column-major, leading dimension ld, `sl` slots per element). */
function identity(buf: FloatBuffer, n: number, ld: number, sl: number): void {
  for (let c = 0; c < n; c++) {
    buf.fill(0, c * ld * sl, (c * ld + n) * sl);
    buf[(c * ld + c) * sl] = 1;
  }
}
