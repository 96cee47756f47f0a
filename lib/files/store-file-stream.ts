import "server-only";
import type { Readable } from "node:stream";
import { FileCheck } from "./check-file-stream";
import { getFileStorage } from "./get-file-storage";
import { newStorageKey } from "./new-storage-key";
import type { StoredFile } from "./stored-file";

/** A label for downloads only (the key is random): printable, at most 255 characters. */
export function tidyFileName(name: string | undefined): string {
  const tidy = (name ?? "").toWellFormed().replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim().slice(0, 255);
  return tidy || "receipt";
}

/**
 * Streams `source` into the configured storage under a fresh random key, checked on the way
 * (FileCheck: type by signature, `maxBytes`, SHA-256). On any refusal or failure the partial
 * object is deleted and the error thrown (a DomainError for the file's faults); `source` is
 * then left flowing so a request body behind it is still drained.
 */
export async function storeFileStream(source: Readable, options: { maxBytes: number; fileName?: string }): Promise<StoredFile> {
  const storage = getFileStorage();
  const key = newStorageKey();
  const check = new FileCheck(options.maxBytes);
  // The refusal is read from check.errored below; a driver that stopped listening must not turn it into an uncaught exception.
  check.on("error", () => undefined);
  const onSourceError = (error: Error) => check.destroy(error);
  source.once("error", onSourceError);
  source.pipe(check);
  try {
    await storage.put(key, check);
  } catch (error) {
    source.unpipe(check);
    source.off("error", onSourceError);
    source.resume();
    await storage.delete(key).catch(() => undefined);
    throw check.errored ?? error;
  }
  source.off("error", onSourceError);
  return {
    storageDriver: storage.driver,
    storageKey: key,
    fileName: tidyFileName(options.fileName),
    contentType: check.contentType!,
    sizeBytes: check.byteCount,
    sha256: check.sha256,
  };
}
