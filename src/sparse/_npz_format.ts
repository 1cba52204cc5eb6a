// The `format` member of SciPy's sparse .npz files: a 0-d byte string (`|S3`, NumPy's
// `np.array(b"csr")`), which nd's .npy reader refuses by design (nd has no string dtype).
// Writing it and reading it (also as `<U3`, as old SciPy files may hold) is all done here.

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** The .npy bytes of a 0-d ASCII byte string, laid out exactly as NumPy's `np.save` does. */
export function encodeByteString(s: string): Uint8Array {
  let header = `{'descr': '|S${s.length}', 'fortran_order': False, 'shape': (), }`;
  const pre = MAGIC.length + 2 + 2;
  const total = pre + header.length + 1;
  header += " ".repeat((64 - (total % 64)) % 64) + "\n";
  const out = new Uint8Array(pre + header.length + s.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[pre + i] = header.charCodeAt(i);
  for (let i = 0; i < s.length; i++) out[pre + header.length + i] = s.charCodeAt(i) & 0x7f;
  return out;
}

/**
 * The string in a .npy file holding a 0-d `|S<n>` or `<U<n>` array, or null when the member
 * is not one (the caller reports the problem).
 */
export function decodeString(bytes: Uint8Array): string | null {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const major = bytes[6];
  const lenSize = major === 1 ? 2 : 4;
  const hlen = lenSize === 2
    ? bytes[8] | (bytes[9] << 8)
    : bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (bytes[11] << 24);
  const start = 8 + lenSize;
  if (start + hlen > bytes.length) return null;
  const header = String.fromCharCode(...bytes.subarray(start, start + hlen));
  const m = /'descr':\s*'([|<>=])([SU])(\d+)'/.exec(header);
  if (m === null || !/'shape':\s*\(\)/.test(header)) return null;
  const n = Number(m[3]);
  const body = bytes.subarray(start + hlen);
  let s = "";
  if (m[2] === "S") {
    if (body.length < n) return null;
    for (let i = 0; i < n && body[i] !== 0; i++) s += String.fromCharCode(body[i]);
  } else {
    if (body.length < 4 * n) return null;
    const big = m[1] === ">";
    for (let i = 0; i < n; i++) {
      const b = body.subarray(4 * i, 4 * i + 4);
      const c = big
        ? (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]
        : b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
      if (c === 0) break;
      s += String.fromCodePoint(c);
    }
  }
  return s;
}
