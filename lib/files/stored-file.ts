/** Where stored files live: local files, or an S3-compatible object store. */
export const STORAGE_DRIVERS = ["fs", "s3"] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];

/**
 * A file whose bytes are in storage, checked: what a receipts row records. The content type is
 * the one its first bytes show (lib/files/detect-file-type.ts), never the one a client claimed;
 * the file name is only a label for downloads, the key is random.
 */
export interface StoredFile {
  storageDriver: StorageDriverName;
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}
