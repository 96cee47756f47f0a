import "server-only";
import { Readable } from "node:stream";
import { readSettings } from "@/lib/settings/read-settings";
import { storeFileStream } from "./store-file-stream";
import type { StoredFile } from "./stored-file";

/** A file in memory: a base64 receipt or evidence file of the JSON API. `contentType` is the sender's claim, never stored. */
export interface FileBytes {
  fileName: string;
  contentType?: string;
  data: Uint8Array;
}

/**
 * Puts a file already in memory into storage through the same checks as an upload: the
 * receipts.max_bytes cap, the type from its signature, SHA-256. Nothing stays stored if refused.
 */
export async function storeFileBytes(file: FileBytes, maxBytes?: number): Promise<StoredFile> {
  const cap = maxBytes ?? (await readSettings())["receipts.max_bytes"];
  const { data } = file;
  // One chunk: the cap and the signature are checked before a byte is written.
  return storeFileStream(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), { maxBytes: cap, fileName: file.fileName });
}

/** `receipt` as a stored file: stored now if it is still bytes in memory. */
export async function toStoredFile(receipt: StoredFile | FileBytes): Promise<StoredFile> {
  return "storageKey" in receipt ? receipt : storeFileBytes(receipt);
}
