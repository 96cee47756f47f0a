import { SETTINGS, type SettingKey } from "@/lib/settings/definitions";

/** Which editor a setting gets: a number field, a switch, a text field, or JSON for arrays and maps. */
export type SettingKind = "number" | "boolean" | "string" | "json";

export function settingKind(key: SettingKey): SettingKind {
  const type = SETTINGS[key].schema.type;
  if (type === "number" || type === "boolean" || type === "string") return type;
  return "json";
}

/** A value as its editor shows it: JSON indented for reading, scalars as typed. */
export function settingText(kind: SettingKind, value: unknown): string {
  if (kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

export type ParsedSettingInput = { ok: true; value: unknown } | { ok: false; reason: "number" | "boolean" | "json" };

/**
 * What an editor posted (always text) as the JSON value to validate against the key's schema:
 * "900" → 900, "true" → true, JSON text → its value. Only the shape is read here; ranges and
 * patterns are the schema's job, so its message says what to fix.
 */
export function parseSettingInput(kind: SettingKind, text: string): ParsedSettingInput {
  const trimmed = text.trim();
  switch (kind) {
    case "number":
      // Decimal notation only: "1e3", "0x10" or "" are not numbers a person meant.
      return /^-?\d+(\.\d+)?$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, reason: "number" };
    case "boolean":
      return trimmed === "true" || trimmed === "false" ? { ok: true, value: trimmed === "true" } : { ok: false, reason: "boolean" };
    case "string":
      return { ok: true, value: text };
    case "json":
      try {
        return { ok: true, value: JSON.parse(trimmed) };
      } catch {
        return { ok: false, reason: "json" };
      }
  }
}
