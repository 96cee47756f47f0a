import type { Locale } from "./config";
import type { Messages } from "./messages/en";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translatable string's key, e.g. "nav.signOut"; checked at compile time. */
export type MessageKey = Leaves<Messages>;

export type MessageVars = Record<string, string | number | bigint>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * A translator over one locale's messages. `{name}` placeholders take `vars`; a message may
 * pick a plural form with `{count, plural, one {…} few {…} many {…} other {…}}` (forms as in
 * Intl.PluralRules, `#` stands for the number).
 */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  const plural = new Intl.PluralRules(locale);
  return (key, vars = {}) => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== "string") return key;
    return node
      .replace(/\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g, (_match, name: string, forms: string) => {
        const count = Number(vars[name] ?? 0);
        const options = Object.fromEntries([...forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]]));
        return (options[plural.select(count)] ?? options.other ?? "").replace(/#/g, String(vars[name] ?? 0));
      })
      .replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}
