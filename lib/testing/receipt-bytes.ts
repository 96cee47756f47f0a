import { buffer } from "node:stream/consumers";
import { openStoredFile, type FileLocation } from "@/lib/files/open-stored-file";

/** The bytes of a receipts row, from storage or (older rows) the row itself; tests compare them with what was sent. */
export async function receiptBytes(row: FileLocation): Promise<Buffer> {
  const stream = await openStoredFile(row);
  if (!stream) throw new Error(`No bytes stored for receipt ${row.storageDriver}:${row.storageKey}`);
  return buffer(stream);
}
