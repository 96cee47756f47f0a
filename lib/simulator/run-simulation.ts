import type { PrismaClient } from "@/lib/generated/prisma/client";
import { StepGenerator } from "./generate-step";
import { executeOp, type Attempt } from "./execute-step";
import { deliverDueEvents } from "./deliver-events";
import { checkFull } from "./invariants/check-full";
import { StepChecker } from "./invariants/step-checker";
import type { Violation } from "./invariants/facts";
import type { Step } from "./ops";
import { SIM_EPOCH, type SimState } from "./state";
import { OutcomeCounts } from "./stats";
import { TraceHash } from "./trace";
import { WORLD_SHAPE, seedWorld } from "./world";

export interface SimulationOptions {
  seed: number;
  ops: number;
  /** lib/db/client's prisma, on a fresh migrated database. */
  prisma: PrismaClient;
  /** The whole-database check (checkLedger and more) runs every this many steps, and at the end. */
  fullCheckEvery?: number;
  onProgress?: (stepsDone: number) => void;
  /** Called after every step with what was attempted and what came of it (`--log`). */
  onStep?: (index: number, step: Step, outcomes: string[]) => void;
}

export interface SimulationReport {
  seed: number;
  opsRun: number;
  ms: number;
  traceHash: string;
  counts: OutcomeCounts;
  /** "payin completed" → count. */
  finalStatuses: Record<string, number>;
  /** The first step whose checks failed (op null: the final whole-database check). */
  violation: { step: number; op: Step | null; violations: Violation[] } | null;
}

/**
 * The seeded adversarial simulator: `ops` steps drawn from the seed (./generate-step.ts), each
 * run through the domain functions in process against the database, followed by its events
 * (delivered or lost) and the invariant checks. Stops at the first violation, which it reports
 * with the step that reproduces it.
 */
export async function runSimulation({ seed, ops, prisma, fullCheckEvery = 500, onProgress, onStep }: SimulationOptions): Promise<SimulationReport> {
  const state: SimState = { world: await seedWorld(prisma), now: SIM_EPOCH, step: 0, slots: [] };
  const generator = new StepGenerator(seed, WORLD_SHAPE);
  const checker = await StepChecker.start(prisma, state.world);
  const counts = new OutcomeCounts();
  const trace = new TraceHash();
  const started = performance.now();
  let violation: SimulationReport["violation"] = null;

  for (; state.step < ops && !violation; state.step++) {
    const step = generator.next();
    trace.add(step);
    const result = await executeOp(step, state);
    const found = [...unexpectedErrors(result.attempts), ...(await checker.afterOp(step, result))];
    const events = step.deliverEvents ? await deliverDueEvents(state.now) : [];
    found.push(...unexpectedErrors(events), ...(await checker.afterStep(state.now, result)));
    if ((state.step + 1) % fullCheckEvery === 0) found.push(...(await checkFull(prisma)));
    for (const { label, outcome } of [...result.attempts, ...events]) counts.add(label, outcome.label);
    if (!step.deliverEvents) counts.add("events", "lost");
    onStep?.(state.step, step, [...result.attempts, ...events].map((a) => `${a.label}=${a.outcome.label}`));
    if (found.length) violation = { step: state.step, op: step, violations: found };
    if (fullCheckEvery && (state.step + 1) % fullCheckEvery === 0) onProgress?.(state.step + 1);
  }
  if (!violation) {
    const found = await checkFull(prisma);
    if (found.length) violation = { step: state.step, op: null, violations: found };
  }

  return {
    seed,
    opsRun: violation?.op ? violation.step + 1 : state.step,
    ms: performance.now() - started,
    traceHash: trace.digest(),
    counts,
    finalStatuses: await finalStatuses(prisma),
    violation,
  };
}

/** A domain function that fails with anything but a DomainError (or the injected fault) has a bug. */
function unexpectedErrors(attempts: Attempt[]): Violation[] {
  return attempts.flatMap(({ label, outcome }) =>
    outcome.kind === "unexpected"
      ? [{ invariant: "every refusal is a DomainError", detail: `${label}: ${outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error)}` }]
      : [],
  );
}

async function finalStatuses(prisma: PrismaClient): Promise<Record<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ type: string; status: string; n: number }[]>(
    `SELECT type::text, status::text, count(*)::int AS n FROM incoming_orders GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.type} ${r.status}`, r.n]));
}
