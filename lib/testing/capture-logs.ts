// Test support: every log line the app writes (lib/observability/logger.ts), captured instead
// of printed, at every level.
import { setLogDestination } from "@/lib/observability/logger";

export interface CapturedLogs {
  /** The raw lines, exactly as they would reach stdout. */
  lines: string[];
  /** The lines parsed. */
  records(): Record<string, unknown>[];
  /** Puts the previous logger back. */
  restore(): void;
}

export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  const restore = setLogDestination({ write: (line) => void lines.push(line) }, "trace");
  return { lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), restore };
}
