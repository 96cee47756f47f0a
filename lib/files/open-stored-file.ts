import "server-only";
import { Readable } from "node:stream";
import { getFileStorage } from "./get-file-storage";
import { STORAGE_DRIVERS, type StorageDriverName } from "./stored-file";

/** Where a receipts row's bytes are: in storage, or (rows from before storage) in `data`. */
export interface FileLocation {
  data: Uint8Array | null;
  storageDriver: string | null;
  storageKey: string | null;
}

const isDriver = (value: string | null): value is StorageDriverName => (STORAGE_DRIVERS as readonly string[]).includes(value ?? "");

/** The bytes of a stored file as a stream, or null when storage no longer has them. */
export async function openStoredFile(file: FileLocation): Promise<Readable | null> {
  if (file.storageKey && isDriver(file.storageDriver)) return getFileStorage(file.storageDriver).get(file.storageKey);
  if (file.data) return Readable.from([Buffer.from(file.data)]);
  return null;
}
