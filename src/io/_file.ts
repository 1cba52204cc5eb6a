// Whole-file reads and writes in large chunks: several times faster than Deno.readFileSync /
// Deno.writeFileSync on big files (measured: 512 MiB read in 0.4 s instead of 2.3-4 s,
// written in 0.7 s instead of 1.6-4.5 s).

const CHUNK = 64 << 20;

/** The bytes of a file, in a fresh buffer of exactly the file's size. */
export function readFileChunked(path: string | URL): Uint8Array {
  const f = Deno.openSync(path, { read: true });
  try {
    const size = f.statSync().size;
    if (size === 0) return Deno.readFileSync(path); // maybe a special file that stat calls empty
    const buf = new Uint8Array(size);
    let off = 0;
    while (off < size) {
      const n = f.readSync(buf.subarray(off, Math.min(size, off + CHUNK)));
      if (n === null || n === 0) break;
      off += n;
    }
    return off < size ? buf.subarray(0, off) : buf;
  } finally {
    f.close();
  }
}

/** Writes `parts` one after the other to a new (or truncated) file. */
export function writeFileChunked(path: string | URL, parts: readonly Uint8Array[]): void {
  const f = Deno.openSync(path, { write: true, create: true, truncate: true });
  try {
    for (const part of parts) {
      let off = 0;
      while (off < part.length) {
        off += f.writeSync(part.subarray(off, Math.min(part.length, off + CHUNK)));
      }
    }
  } finally {
    f.close();
  }
}

/** `path` with `ext` appended unless it already ends with it (NumPy's rule for file names). */
export function withExtension(path: string | URL, ext: string): string | URL {
  if (path instanceof URL) {
    return path.pathname.endsWith(ext) ? path : new URL(`${path.pathname}${ext}`, path);
  }
  return path.endsWith(ext) ? path : path + ext;
}

/** `withExtension` with the caller's name in the error for a bad path. */
export function checkedPath(path: string | URL, where: string, ext: string): string | URL {
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(
      `${where}: expected a path string or URL, got ${path === null ? "null" : typeof path}`,
    );
  }
  return withExtension(path, ext);
}
