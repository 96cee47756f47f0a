/** How many stores and traders the simulated world has: all the op generator needs to know of it. */
export interface WorldShape {
  stores: number;
  traders: number;
}
