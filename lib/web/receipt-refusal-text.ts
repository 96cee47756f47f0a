import type { DomainError } from "@/lib/errors/domain-error";
import type { Translate } from "@/lib/i18n/translate";
import { FILE_MESSAGES, formatFileSize, type FileRefusal } from "@/lib/files/file-types";

const REFUSAL_OF_CODE: Partial<Record<string, FileRefusal>> = {
  file_missing: "missing",
  file_too_large: "too_large",
  unsupported_file_type: "type",
  invalid_upload: "missing",
};

const KEY_OF_REFUSAL = { missing: "missing", empty: "empty", type: "type", too_large: "size" } as const satisfies Record<FileRefusal, string>;

/**
 * A refused receipt file in the trader's words: the same text whether the browser's pre-check
 * (precheckFile) or the server refused it, so a trader never sees two wordings of one rule.
 * Null for an error that is not about the file.
 */
export function receiptRefusalText(error: DomainError | { refusal: FileRefusal }, t: Translate, maxBytes: number): string | null {
  const refusal = "refusal" in error ? error.refusal : error.message === FILE_MESSAGES.empty ? "empty" : REFUSAL_OF_CODE[error.code];
  if (!refusal) return null;
  return t(`trader.queue.receiptErrors.${KEY_OF_REFUSAL[refusal]}`, { size: formatFileSize(maxBytes) });
}
