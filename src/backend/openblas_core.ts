/**
 * A core-type hint for OpenBLAS's runtime CPU dispatch.
 *
 * OpenBLAS picks its kernels by the CPU model at load time. Releases older than the CPU
 * (Debian 12 ships 0.3.21) do not know newer models and fall back to the generic "Prescott"
 * kernels: 4–5× slower gemm on this project's AVX-512 machines. OpenBLAS reads
 * `OPENBLAS_CORETYPE` when it loads, so before loading it nd sets that variable from the CPU
 * feature flags — only when the user has not set it, on x86-64 Linux, and only with the `env`
 * and `read` permissions already granted. The chosen value is reported by `nd.backend.info()`.
 *
 * @module
 */

function granted(desc: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(desc).state === "granted";
  } catch {
    return false;
  }
}

/** The OpenBLAS core type the CPU flags support best: SkylakeX, Haswell, or null. */
export function coreTypeForFlags(flags: ReadonlySet<string>): string | null {
  const avx512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"];
  if (avx512.every((f) => flags.has(f))) return "SkylakeX";
  if (flags.has("avx2") && flags.has("fma")) return "Haswell";
  return null;
}

/**
 * Sets `OPENBLAS_CORETYPE` from `/proc/cpuinfo` when unset and permitted; returns the value
 * set, or null when nothing was done.
 */
export function hintOpenblasCore(): string | null {
  if (Deno.build.os !== "linux" || Deno.build.arch !== "x86_64") return null;
  if (!granted({ name: "env", variable: "OPENBLAS_CORETYPE" })) return null;
  if (Deno.env.get("OPENBLAS_CORETYPE") !== undefined) return null;
  if (!granted({ name: "read", path: "/proc/cpuinfo" })) return null;
  let text: string;
  try {
    text = Deno.readTextFileSync("/proc/cpuinfo");
  } catch {
    return null;
  }
  const line = text.split("\n").find((l) => l.startsWith("flags"));
  if (!line) return null;
  const core = coreTypeForFlags(new Set(line.slice(line.indexOf(":") + 1).trim().split(/\s+/)));
  if (core !== null) Deno.env.set("OPENBLAS_CORETYPE", core);
  return core;
}
