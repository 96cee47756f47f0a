import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { DomainError } from "@/lib/errors/domain-error";
import { readSettings } from "@/lib/settings/read-settings";
import { FILE_MESSAGES } from "./file-types";
import { storeFileStream } from "./store-file-stream";
import type { StoredFile } from "./stored-file";

export type { StoredFile } from "./stored-file";

/** Room for a multipart body's boundaries, headers and small fields around the file. */
const MULTIPART_OVERHEAD = 256 * 1024;

/**
 * Reads the first file part named `field` ("file") of a multipart/form-data request and streams
 * it into storage as it arrives, never holding the whole file in memory: at most the
 * receipts.max_bytes setting, of an accepted type by its signature, its SHA-256 recorded. On
 * any refusal nothing stays stored: 400 invalid_upload (not multipart, a broken body), 422
 * file_missing (no such part, or empty), 413 file_too_large, 415 unsupported_file_type. Other
 * parts are read past and ignored. The caller writes the row (storeReceipt) and, if that
 * fails, deletes the file (deleteStoredFiles).
 */
export async function receiveUploadedFile(request: Request, options: { field?: string } = {}): Promise<StoredFile> {
  const field = options.field ?? "file";
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new DomainError("invalid_upload", "Send the file as multipart/form-data.", { param: field });
  }
  const maxBytes = (await readSettings())["receipts.max_bytes"];
  // An honest client says how long the body is: refuse before reading a byte of it.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + MULTIPART_OVERHEAD) {
    throw new DomainError("file_too_large", FILE_MESSAGES.tooLarge(maxBytes), { param: field });
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fields: 50, fieldSize: 64 * 1024, parts: 100 } });
  } catch (error) {
    throw new DomainError("invalid_upload", "The multipart body has no boundary.", { param: field, cause: error });
  }
  const body = Readable.fromWeb(request.body as unknown as NodeReadableStream);

  return new Promise<StoredFile>((resolve, reject) => {
    let taken = false;
    let broken: unknown = null;
    const malformed = (cause: unknown) => new DomainError("invalid_upload", "The multipart body is incomplete or malformed.", { param: field, cause });

    parser.on("file", (name, stream, info) => {
      // A file input left empty still sends its part, with no file name and no bytes: no file.
      if (taken || name !== field || !info.filename) return void stream.resume();
      taken = true;
      storeFileStream(stream, { maxBytes, fileName: info.filename }).then(resolve, (error: unknown) =>
        // A body cut short errors the part's stream: the client's fault, not the storage's.
        reject(broken && !(error instanceof DomainError) ? malformed(broken) : error),
      );
    });
    parser.on("close", () => {
      if (!taken) reject(new DomainError("file_missing", FILE_MESSAGES.missing, { param: field }));
    });
    parser.on("error", (error: unknown) => {
      broken = error;
      if (!taken) reject(malformed(error));
      body.unpipe(parser);
      body.resume();
    });
    body.on("error", (error: unknown) => {
      broken = error;
      parser.destroy(error as Error);
    });
    body.pipe(parser);
  });
}
