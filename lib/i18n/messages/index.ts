import type { Locale } from "../config";
import { en, type Messages } from "./en";
import { ru } from "./ru";

export const MESSAGES: Record<Locale, Messages> = { en, ru };
export type { Messages };
