import "server-only";
import { deleteStoredFiles } from "./delete-stored-file";
import type { StoredFile } from "./stored-file";

/**
 * Runs `work` (the transaction that records `files`) and, if it throws, deletes the files
 * (best effort) before rethrowing: a file stored before a transaction that then refuses (the
 * order moved on, a rule failed) is never left behind unreferenced.
 */
export async function discardFilesOnFailure<T>(files: readonly (StoredFile | undefined)[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await deleteStoredFiles(files.filter((file): file is StoredFile => Boolean(file)));
    throw error;
  }
}
