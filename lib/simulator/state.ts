import type { SimWorld } from "./world";

/** The simulator's own memory between steps: the virtual clock and which order each create made. */
export interface SimState {
  world: SimWorld;
  now: Date;
  step: number;
  /** Order id per create op (null when the create was refused): ops address orders by slot. */
  slots: (string | null)[];
}

/**
 * The virtual clock starts at a fixed instant, so that a seed replays on the same days (daily
 * limits reset at the same steps). It lies in the past: the few engine paths that stamp the
 * wall clock instead of the given `now` (a dispute resolved as cancelled sets ended_at) then
 * stay within the late-dispute window, which keeps that path reachable.
 */
export const SIM_EPOCH = new Date("2024-01-01T06:00:00Z");
