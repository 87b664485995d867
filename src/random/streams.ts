import {Xoshiro128} from "./xoshiro128.js";

/**
 * Independent random streams derived from a seed and a label path, e.g.
 * `randomStream(seed, "run", 3, "regime", "joint", "V", 2)`.
 * The path is hashed into 128 bits (four differently-seeded 32-bit hashes), so streams for
 * different paths are unrelated and adding a new stream never shifts an existing one.
 */
export type StreamLabel = string | number;

export function randomStream(seed: number, ...path: StreamLabel[]): Xoshiro128 {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative safe integer, got ${seed}`);
  const words = encode(seed, path);
  const state = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f].map((salt) => hashWords(words, salt));
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return new Xoshiro128(state[0], state[1], state[2], state[3]);
}

function encode(seed: number, path: StreamLabel[]): number[] {
  const words = [seed >>> 0, Math.floor(seed / 4294967296) >>> 0];
  for (const label of path) {
    if (typeof label === "number") {
      if (!Number.isSafeInteger(label)) throw new Error(`stream label must be an integer or a string, got ${label}`);
      words.push(0x6e756d, label >>> 0, Math.floor(label / 4294967296) >>> 0);
    } else {
      words.push(0x737472, label.length);
      for (let i = 0; i < label.length; i++) words.push(label.charCodeAt(i));
    }
  }
  return words;
}

/** MurmurHash3-style mixing of 32-bit words with a salt. */
function hashWords(words: number[], salt: number): number {
  let h = salt | 0;
  for (const w of words) {
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= words.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
