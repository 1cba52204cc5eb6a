/**
 * The stack size of the OS thread this JavaScript runs on, read from the C library.
 *
 * Why nd needs it: OpenBLAS's multithreaded LU (`dgetrf_parallel`) keeps an array of per-thread
 * job records on the stack at every level of its recursion — about 0.5 MiB per level in
 * Debian's build (64 threads) — and so overflows the 2 MiB stacks of the threads Deno runs
 * workers and most `deno test` modules on (a crash, not an error). The BLAS backend asks for
 * this size and runs `getrf` single-threaded on small stacks (see `blas_ffi.ts`).
 *
 * Linux: `pthread_getattr_np` + `pthread_attr_getstacksize` (glibc's `libc.so.6`; for the
 * main thread this reports the stack limit, 8 MiB by default). macOS:
 * `pthread_get_stacksize_np`. Elsewhere, or when libc cannot be opened, the size is unknown
 * (null). The answer is computed once per JavaScript realm (a worker has its own).
 *
 * @module
 */

let cached: number | null | undefined;

/** The calling thread's stack size in bytes, or null when it cannot be read here. */
export function threadStackBytes(): number | null {
  if (cached === undefined) cached = read();
  return cached;
}

function read(): number | null {
  try {
    if (Deno.build.os === "linux") return readLinux();
    if (Deno.build.os === "darwin") return readDarwin();
  } catch {
    // No libc to open (a static or musl-only system) or no such symbol: unknown.
  }
  return null;
}

function readLinux(): number | null {
  const lib = Deno.dlopen("libc.so.6", {
    pthread_self: { parameters: [], result: "usize" },
    pthread_getattr_np: { parameters: ["usize", "buffer"], result: "i32" },
    pthread_attr_getstacksize: { parameters: ["buffer", "buffer"], result: "i32" },
    pthread_attr_destroy: { parameters: ["buffer"], result: "i32" },
  });
  try {
    const attr = new Uint8Array(256); // pthread_attr_t is 56 bytes on x86-64, 64 on arm64
    const size = new BigUint64Array(1);
    const s = lib.symbols;
    if (s.pthread_getattr_np(s.pthread_self(), attr) !== 0) return null;
    const ok = s.pthread_attr_getstacksize(attr, size) === 0;
    s.pthread_attr_destroy(attr);
    return ok ? Number(size[0]) : null;
  } finally {
    lib.close();
  }
}

function readDarwin(): number | null {
  const lib = Deno.dlopen("/usr/lib/libSystem.B.dylib", {
    pthread_self: { parameters: [], result: "usize" },
    pthread_get_stacksize_np: { parameters: ["usize"], result: "usize" },
  });
  try {
    return Number(lib.symbols.pthread_get_stacksize_np(lib.symbols.pthread_self()));
  } finally {
    lib.close();
  }
}
