import { createHash } from "node:crypto";
import type { Step } from "./ops";

/**
 * A running hash of the steps attempted (never of their outcomes): equal for equal seeds and
 * op counts, so two runs can be compared at a glance and a replay proven to be the same run.
 */
export class TraceHash {
  private hash = createHash("sha256");

  add(step: Step): void {
    this.hash.update(`${JSON.stringify(step)}\n`);
  }

  digest(): string {
    return this.hash.copy().digest("hex").slice(0, 16);
  }
}
