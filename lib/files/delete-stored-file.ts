import "server-only";
import { log } from "@/lib/observability/logger";
import { getFileStorage } from "./get-file-storage";
import type { StoredFile } from "./stored-file";

/**
 * Best-effort removal of files stored for a write that then failed (its transaction rolled
 * back): never throws, since the caller is already reporting the real error. A file left
 * behind is only unreferenced bytes, never visible to anyone.
 */
export async function deleteStoredFiles(files: readonly Pick<StoredFile, "storageDriver" | "storageKey">[]): Promise<void> {
  await Promise.all(
    files.map((file) =>
      getFileStorage(file.storageDriver)
        .delete(file.storageKey)
        .catch((error: unknown) => log.warn({ err: error, storageKey: file.storageKey }, "could not delete an unreferenced stored file")),
    ),
  );
}
