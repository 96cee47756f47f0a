import { DomainError } from "@/lib/errors/domain-error";
import { InjectedFault } from "./fault";
import { NoTarget } from "./moves";

/**
 * What an attempt came to: `ok`, `noop` (an event path found nothing due), `refused:<code>`
 * (a DomainError: an expected answer that must change nothing), `fault` (the injected
 * failure), `no_order` / `no_target` (the slot's create was refused; no dispute to resolve).
 * Anything else is not an answer but a bug: `unexpected` carries it.
 */
export type Outcome = { kind: "ok" | "noop" | "refused" | "fault" | "no_order" | "no_target"; label: string } | { kind: "unexpected"; label: string; error: unknown };

export function okOutcome(value: unknown): Outcome {
  return value === null ? { kind: "noop", label: "noop" } : { kind: "ok", label: "ok" };
}

export function errorOutcome(error: unknown): Outcome {
  if (error instanceof InjectedFault) return { kind: "fault", label: "fault" };
  if (error instanceof NoTarget) return { kind: "no_target", label: "no_target" };
  if (error instanceof DomainError) return { kind: "refused", label: `refused:${error.code}` };
  // A sweep collects its per-order failures: answers if every one of them is.
  if (error instanceof AggregateError && error.errors.every((e) => errorOutcome(e).kind !== "unexpected")) {
    return { kind: "refused", label: `refused:${[...new Set(error.errors.map((e) => errorOutcome(e).label))].join("+")}` };
  }
  return { kind: "unexpected", label: "unexpected", error };
}

export async function settle(promise: Promise<unknown>): Promise<Outcome> {
  return promise.then(okOutcome, errorOutcome);
}

/** True when the attempt changed nothing by design (so the database must show no change). */
export const changesNothing = (outcome: Outcome) => outcome.kind !== "ok" && outcome.kind !== "unexpected";
