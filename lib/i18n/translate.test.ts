import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";
import { MESSAGES } from "./messages";
import { createTranslator, type MessageKey } from "./translate";
import { formatMinorNumber } from "@/lib/format/money";
import { formatDateTime } from "@/lib/format/date";

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

describe("i18n", () => {
  it("has the same keys in every language, none left empty", () => {
    const en = keysOf(MESSAGES.en as unknown as Tree).sort();
    expect(keysOf(MESSAGES.ru as unknown as Tree).sort()).toEqual(en);
    for (const locale of ["en", "ru"] as const) {
      const t = createTranslator(locale, MESSAGES[locale]);
      for (const key of en) expect(t(key as MessageKey).trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("fills placeholders and picks Russian plural forms", () => {
    const messages = structuredClone(MESSAGES.ru) as unknown as Tree;
    (messages.common as Tree).nothingHereYet = "{count, plural, one {# заявка} few {# заявки} many {# заявок} other {# заявки}} у {name}";
    const t = createTranslator("ru", messages as never);
    expect(t("common.nothingHereYet", { count: 1, name: "Анны" })).toBe("1 заявка у Анны");
    expect(t("common.nothingHereYet", { count: 3, name: "Анны" })).toBe("3 заявки у Анны");
    expect(t("common.nothingHereYet", { count: 11, name: "Анны" })).toBe("11 заявок у Анны");
    expect(t("common.signedInAs", { email: "a@b.c" })).toBe("Вы вошли как a@b.c");
  });

  it("falls back to the key for an unknown message instead of throwing", () => {
    const t = createTranslator("en", MESSAGES.en);
    expect(t("no.such.key" as MessageKey)).toBe("no.such.key");
  });

  it("chooses the language from Accept-Language by weight", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,ru;q=0.7")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("formats amounts and dates per language without floating point", () => {
    expect(formatMinorNumber(123456789012345678n, 6, "en")).toBe("123,456,789,012.345678");
    expect(formatMinorNumber(-123450n, 2, "ru")).toBe("-1\u00a0234,50");
    const date = new Date("2026-11-22T04:32:10Z");
    expect(formatDateTime(date, "en")).toBe("2026-11-22 04:32 UTC");
    expect(formatDateTime(date, "ru")).toBe("22.11.2026 04:32 UTC");
  });
});
