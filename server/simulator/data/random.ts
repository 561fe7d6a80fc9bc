import "server-only";

// Stateless, seedable hashing: every simulated value is a pure function of (seed, index, salt…),
// so nothing has to be stored to answer the same question the same way twice.

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit hash of a list of integers (each taken modulo 2^32, plus its high part for big values). */
export function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const lo = part >>> 0;
    const hi = Math.floor(part / 4294967296) >>> 0;
    h = mix32(h ^ lo);
    if (hi) h = mix32(h ^ hi ^ 0x5bd1e995);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix32(h);
}

/** Uniform in [0, 1). */
export function unit(...parts: number[]): number {
  return hash(...parts) / 4294967296;
}

/** Uniform integer in [0, n). */
export function pick(n: number, ...parts: number[]): number {
  return Math.floor(unit(...parts) * n);
}

export function choose<T>(items: readonly T[], ...parts: number[]): T {
  return items[pick(items.length, ...parts)] as T;
}

/** Picks by weight; weights need not sum to 1. */
export function chooseWeighted<T>(items: readonly { weight: number; value: T }[], ...parts: number[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let r = unit(...parts) * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item.value;
  }
  return (items[items.length - 1] as { value: T }).value;
}

export function hex(length: number, ...parts: number[]): string {
  let out = "";
  for (let n = 0; out.length < length; n++) out += hash(...parts, n).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export function alnum(length: number, ...parts: number[]): string {
  let out = "";
  for (let n = 0; n < length; n++) out += ALNUM[pick(ALNUM.length, ...parts, n)];
  return out;
}

// An invertible scramble of 32-bit integers, so ids look random yet decode back to their index.
const MUL = 0x2c1b3c6d;
const MUL_INV = inverseOdd(MUL);

function inverseOdd(a: number): number {
  let x = a;
  for (let n = 0; n < 5; n++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

export function scramble(value: number, key: number): number {
  let y = Math.imul((value ^ key) >>> 0, MUL) >>> 0;
  y = (y ^ (y >>> 16)) >>> 0;
  return y;
}

export function unscramble(value: number, key: number): number {
  const y = (value ^ (value >>> 16)) >>> 0;
  return ((Math.imul(y, MUL_INV) >>> 0) ^ key) >>> 0;
}

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** (a·b) mod m for a, b < m < 2^31 without leaving the exact range of doubles. */
export function mulMod(a: number, b: number, m: number): number {
  const aHi = Math.floor(a / 65536);
  const aLo = a % 65536;
  return (((aHi * b) % m) * 65536 + aLo * b) % m;
}

export function modInverse(a: number, m: number): number {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
