import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import type { FileStorage } from "./file-storage";
import type { StorageDriverName } from "./stored-file";
import { createFsStorage } from "./create-fs-storage";
import { createS3Storage } from "./create-s3-storage";

// One driver instance per process and driver (the S3 client keeps its connections).
const drivers = new Map<StorageDriverName, FileStorage>();

/**
 * The storage new files go to (FILE_STORAGE), or the named driver a stored row points at: a row
 * written before the configuration changed is still read from where it was written.
 */
export function getFileStorage(driver: StorageDriverName = env().FILE_STORAGE): FileStorage {
  let storage = drivers.get(driver);
  if (!storage) {
    const config = env();
    if (driver === "fs") {
      // turbopackIgnore: a folder chosen at run time, not files for the build to trace (without
      // it the whole project would be copied into the standalone output).
      storage = createFsStorage(path.resolve(/*turbopackIgnore: true*/ config.FILE_STORAGE_DIR ?? path.join(/*turbopackIgnore: true*/ config.JIVAPAY_DATA_DIR, "files")));
    } else {
      if (!config.S3_BUCKET) throw new Error("S3_BUCKET is not set: the s3 file storage needs a bucket.");
      storage = createS3Storage({
        bucket: config.S3_BUCKET,
        endpoint: config.S3_ENDPOINT,
        region: config.S3_REGION,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      });
    }
    drivers.set(driver, storage);
  }
  return storage;
}

/** Forget the driver instances (tests that change the environment). */
export function resetFileStorage(): void {
  drivers.clear();
}
