// A seeded generator (mulberry32) for every random choice of the soak — the traffic mix, kill
// times, the receiver's faults — so a run's seed, printed at the start, repeats its choices
// (timing still differs: the processes are real).
let state = 1;

export function seedRandom(seed: number): void {
  state = seed >>> 0 || 1;
}

/** A float in [0, 1). */
export function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** True with probability `p`. */
export const chance = (p: number) => random() < p;

/** The items in a random order (Fisher–Yates), in place. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
