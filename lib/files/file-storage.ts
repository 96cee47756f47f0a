import type { Readable } from "node:stream";
import type { StorageDriverName } from "./stored-file";

/**
 * What a storage driver does: keep a stream's bytes under a key, give them back, forget them.
 * `put` consumes `body` to its end and rejects if the body errors (a byte cap, a bad signature),
 * leaving no object under the key; `get` returns null for a key it does not hold; `delete` of a
 * missing key succeeds.
 */
export interface FileStorage {
  readonly driver: StorageDriverName;
  put(key: string, body: Readable): Promise<void>;
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}
