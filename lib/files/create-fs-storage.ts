import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { pipeline } from "node:stream/promises";
import type { FileStorage } from "./file-storage";
import { STORAGE_KEY_PATTERN } from "./new-storage-key";

/**
 * Files under `root` (FILE_STORAGE_DIR, outside public/ so nothing is served without the
 * access check). A file is written under a temporary name and renamed when complete: a reader
 * never sees half a file, and an aborted upload leaves only a temporary file that is removed.
 */
export function createFsStorage(root: string): FileStorage {
  const fileOf = (key: string) => {
    // Keys come from the database, but a key that is not one of ours never becomes a path.
    if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
    return path.join(root, key);
  };
  return {
    driver: "fs",
    async put(key, body) {
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
      try {
        await pipeline(body, fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
        await fs.promises.rename(partial, file);
      } catch (error) {
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        const handle = await fs.promises.open(fileOf(key), "r");
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}
