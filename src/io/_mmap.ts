/**
 * Byte ranges of files as ArrayBuffers: with the `ffi` permission on Linux or macOS, a real
 * `mmap` through libc (zero-copy, the kernel pages data in and out); otherwise a copy read into
 * memory and written back on flush (the file-backed fallback). Both hand out one ArrayBuffer
 * that `release()` detaches, so typed arrays over it see no memory (length 0) afterwards:
 * nothing can read or write an unmapped page.
 *
 * Every argument reaching libc is computed here from checked values: a path without NUL, a
 * non-negative page-aligned offset, a positive length within the file.
 *
 * @module
 */

/** How a mapping shares its pages with the file. */
export type MapKind = "shared" | "private-rw" | "readonly";

/** A mapped byte range of a file. */
export interface Mapping {
  /** The bytes: `buffer` holds the range starting at `delta`. */
  readonly buffer: ArrayBuffer;
  /** Offset of the requested range inside `buffer` (the page-alignment slack). */
  readonly delta: number;
  /** `"mmap"` for a kernel mapping, `"file"` for the read-into-memory fallback. */
  readonly backing: "mmap" | "file";
  /** Makes writes visible in the file (shared mappings; no-op otherwise). */
  flush(): void;
  /**
   * Lets the kernel drop the pages over bytes `[start, end)` of the range (whole pages
   * around it), after writing them back for shared mappings: they are read from the file
   * again when next used. No-op for copy-on-write and in-memory ranges (their data lives
   * only in memory).
   */
  drop(start: number, end: number): void;
  /** Flushes, detaches the buffer and unmaps. Idempotent. */
  release(): void;
}

/** What {@link mapInfo} reports. */
export interface MapInfo {
  /** `"mmap"` when files are mapped by the kernel, `"file"` when they are read into memory. */
  backing: "mmap" | "file";
  /** Why. */
  reason: string;
}

interface Libc {
  open(path: Uint8Array, flags: number, mode: number): number;
  close(fd: number): number;
  mmap(
    addr: null,
    len: bigint,
    prot: number,
    flags: number,
    fd: number,
    off: bigint,
  ): Deno.PointerValue;
  munmap(p: Deno.PointerValue, len: bigint): number;
  msync(p: Deno.PointerValue, len: bigint, flags: number): number;
  madvise(p: Deno.PointerValue, len: bigint, advice: number): number;
  getpagesize(): number;
  errno(): number;
}

const PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_PRIVATE = 2;
const O_RDONLY = 0, O_RDWR = 2;

let libc: Libc | null | undefined;
let whyNot = "";

function granted(name: "ffi"): boolean {
  try {
    return Deno.permissions.querySync({ name }).state === "granted";
  } catch {
    return false;
  }
}

function loadLibc(): Libc | null {
  const os = Deno.build.os;
  if (os !== "linux" && os !== "darwin") {
    whyNot = `memory mapping through libc is not implemented on ${os}`;
    return null;
  }
  if (!granted("ffi")) {
    whyNot = "the ffi permission is not granted (run with --allow-ffi to map files)";
    return null;
  }
  const errnoName = os === "linux" ? "__errno_location" : "__error";
  try {
    const lib = Deno.dlopen(
      os === "linux" ? "libc.so.6" : "/usr/lib/libSystem.B.dylib",
      {
        open: { parameters: ["buffer", "i32", "i32"], result: "i32" },
        close: { parameters: ["i32"], result: "i32" },
        mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "i64"], result: "pointer" },
        munmap: { parameters: ["pointer", "usize"], result: "i32" },
        msync: { parameters: ["pointer", "usize", "i32"], result: "i32" },
        madvise: { parameters: ["pointer", "usize", "i32"], result: "i32" },
        getpagesize: { parameters: [], result: "i32" },
        [errnoName]: { parameters: [], result: "pointer" },
      } as const,
    );
    const s = lib.symbols as unknown as Record<string, (...a: unknown[]) => unknown>;
    return {
      open: (p, f, m) => s.open(p, f, m) as number,
      close: (fd) => s.close(fd) as number,
      mmap: (a, l, pr, fl, fd, o) => s.mmap(a, l, pr, fl, fd, o) as Deno.PointerValue,
      munmap: (p, l) => s.munmap(p, l) as number,
      msync: (p, l, f) => s.msync(p, l, f) as number,
      madvise: (p, l, a) => s.madvise(p, l, a) as number,
      getpagesize: () => s.getpagesize() as number,
      errno: () => {
        const p = s[errnoName]() as Deno.PointerValue;
        return p === null ? 0 : new Deno.UnsafePointerView(p).getInt32();
      },
    };
  } catch (e) {
    whyNot = `the C library could not be opened: ${(e as Error).message.split("\n")[0]}`;
    return null;
  }
}

function getLibc(): Libc | null {
  if (libc === undefined) libc = loadLibc();
  return libc;
}

/**
 * Whether files are memory-mapped by the kernel here, and why not when they are not.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const info = nd.io.mapInfo();
 * assert(info.backing === "mmap" || info.backing === "file");
 * ```
 */
export function mapInfo(): MapInfo {
  return getLibc() !== null
    ? { backing: "mmap", reason: "files are mapped with libc mmap through Deno FFI" }
    : { backing: "file", reason: `${whyNot}: files are read into memory and written back` };
}

/** Releases kernel mappings whose buffer was collected without `release()`. */
const unmapOnCollect = new FinalizationRegistry<{ ptr: Deno.PointerValue; len: bigint }>(
  ({ ptr, len }) => {
    libc?.munmap(ptr, len);
  },
);

/**
 * Maps `length` bytes of the file at `path` from byte `offset` (`length` > 0; the file must
 * already be at least `offset + length` bytes long). `kind`: `"shared"` writes reach the file,
 * `"private-rw"` is copy-on-write (writes stay in memory), `"readonly"` is never written back.
 * A kernel mapping starts on a page boundary, so the range lands at `offset` modulo the page
 * size in it; when that is not a multiple of `align` (the element size: typed arrays need
 * aligned elements) the range is read into memory instead, as without `ffi`.
 */
export function mapFile(
  path: string,
  offset: number,
  length: number,
  kind: MapKind,
  align = 1,
): Mapping {
  if (path.includes("\0")) throw new TypeError(`memmap: the path contains a NUL character`);
  if (
    !(Number.isSafeInteger(offset) && offset >= 0 && Number.isSafeInteger(length) && length > 0)
  ) {
    throw new RangeError(`memmap: bad byte range: offset ${offset}, length ${length}`);
  }
  const c = getLibc();
  return c === null || offset % align !== 0
    ? readRange(path, offset, length, kind)
    : mapRange(c, path, offset, length, kind);
}

function mapRange(c: Libc, path: string, offset: number, length: number, kind: MapKind): Mapping {
  const page = c.getpagesize();
  const aligned = offset - (offset % page), delta = offset - aligned;
  const total = BigInt(delta + length);
  const fd = c.open(
    new TextEncoder().encode(path + "\0"),
    kind === "shared" ? O_RDWR : O_RDONLY,
    0,
  );
  if (fd < 0) throw new Error(`memmap: cannot open ${JSON.stringify(path)}: errno ${c.errno()}`);
  // A read-only map is still mapped writable but private: a stray write through the typed
  // array then changes memory only, instead of faulting and killing the process.
  const flags = kind === "shared" ? MAP_SHARED : MAP_PRIVATE;
  const ptr = c.mmap(null, total, PROT_READ | PROT_WRITE, flags, fd, BigInt(aligned));
  const err = c.errno();
  c.close(fd);
  const failed = ptr === null || BigInt(Deno.UnsafePointer.value(ptr)) === (1n << 64n) - 1n;
  if (failed) {
    throw new Error(
      `memmap: mmap of ${length} bytes of ${JSON.stringify(path)} failed: errno ${err}`,
    );
  }
  const buffer = Deno.UnsafePointerView.getArrayBuffer(ptr!, delta + length);
  const token = {};
  unmapOnCollect.register(buffer, { ptr, len: total }, token);
  let live = true;
  const MS_SYNC = Deno.build.os === "linux" ? 4 : 0x10;
  const flush = (): void => {
    if (live && kind === "shared") c.msync(ptr, total, MS_SYNC);
  };
  const MADV_DONTNEED = 4;
  const base = BigInt(Deno.UnsafePointer.value(ptr!));
  return {
    buffer,
    delta,
    backing: "mmap",
    flush,
    drop(start: number, end: number): void {
      if (!live || kind === "private-rw") return;
      const lo = Math.max(0, Math.floor((delta + start) / page) * page);
      const hi = Math.min(delta + length, Math.ceil((delta + end) / page) * page);
      if (!(hi > lo)) return;
      const p = Deno.UnsafePointer.create(base + BigInt(lo));
      const len = BigInt(hi - lo);
      // Linux hands the dirty state of dropped shared pages to the page cache, which writes
      // them back (and the final flush syncs them); elsewhere write them back first.
      if (kind === "shared" && Deno.build.os !== "linux") c.msync(p, len, MS_SYNC);
      c.madvise(p, len, MADV_DONTNEED);
    },
    release(): void {
      if (!live) return;
      flush();
      live = false;
      unmapOnCollect.unregister(token);
      buffer.transfer(0); // detach: every view now sees length 0, none can reach the pages
      c.munmap(ptr, total);
    },
  };
}

function readRange(path: string, offset: number, length: number, kind: MapKind): Mapping {
  const buffer = new ArrayBuffer(length);
  const bytes = new Uint8Array(buffer);
  const f = Deno.openSync(path, { read: true });
  try {
    f.seekSync(offset, Deno.SeekMode.Start);
    for (let got = 0; got < length;) {
      const n = f.readSync(bytes.subarray(got));
      if (n === null) throw new RangeError(`memmap: ${JSON.stringify(path)} ended early`);
      got += n;
    }
  } finally {
    f.close();
  }
  let live = true;
  const flush = (): void => {
    if (!live || kind !== "shared") return;
    const w = Deno.openSync(path, { write: true });
    try {
      w.seekSync(offset, Deno.SeekMode.Start);
      for (let put = 0; put < length;) put += w.writeSync(bytes.subarray(put));
    } finally {
      w.close();
    }
  };
  return {
    buffer,
    delta: 0,
    backing: "file",
    flush,
    drop(): void {},
    release(): void {
      if (!live) return;
      flush();
      live = false;
      buffer.transfer(0);
    },
  };
}
