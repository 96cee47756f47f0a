/** Counts of attempts per op label and outcome label, for the run's report. */
export class OutcomeCounts {
  readonly byOp = new Map<string, Map<string, number>>();

  add(op: string, outcome: string): void {
    const outcomes = this.byOp.get(op) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.byOp.set(op, outcomes);
  }

  /** One line per op: its total, then each outcome with its count, most frequent first. */
  lines(): string[] {
    return [...this.byOp]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, outcomes]) => {
        const total = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
        const parts = [...outcomes].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ${n}`);
        return `  ${op.padEnd(34)} ${String(total).padStart(7)}  ${parts.join(", ")}`;
      });
  }

  toJSON(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.byOp].map(([op, outcomes]) => [op, Object.fromEntries(outcomes)]));
  }
}
