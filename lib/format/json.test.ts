import { describe, expect, it } from "vitest";
import { formatJsonInline } from "./json";

describe("formatJsonInline", () => {
  it("spaces items and keeps strings intact", () => {
    expect(formatJsonInline(["127.0.0.1", "a, [b]"])).toBe('["127.0.0.1", "a, [b]"]');
    expect(formatJsonInline({ RUB: "92.50" })).toBe('{"RUB": "92.50"}');
    expect(formatJsonInline({ a: [1, 2], b: {} })).toBe('{"a": [1, 2], "b": {}}');
    expect(formatJsonInline([])).toBe("[]");
    expect(formatJsonInline(false)).toBe("false");
    expect(formatJsonInline("line\nbreak")).toBe('"line\\nbreak"');
  });
});
