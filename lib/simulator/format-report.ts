import type { SimulationReport } from "./run-simulation";

/** The run's report as printed by `npm run simulate`. */
export function formatReport(report: SimulationReport): string[] {
  const seconds = report.ms / 1000;
  const lines = [
    `seed ${report.seed}: ${report.opsRun} ops in ${seconds.toFixed(1)} s (${(report.opsRun / seconds).toFixed(1)} ops/s), op trace ${report.traceHash}`,
    "outcomes per op (total, then by outcome):",
    ...report.counts.lines(),
    `orders by final status: ${Object.entries(report.finalStatuses).map(([status, n]) => `${status} ${n}`).join(", ")}`,
  ];
  const { violation } = report;
  if (!violation) return [...lines, "clean"];
  return [
    ...lines,
    `VIOLATION at seed ${report.seed}, step ${violation.step}${violation.op ? `, op ${JSON.stringify(violation.op)}` : " (final whole-database check)"}`,
    ...violation.violations.map((v) => `  [${v.invariant}] ${v.detail}`),
    `reproduce: npm run simulate -- --seed ${report.seed} --ops ${violation.step + 1}`,
  ];
}
