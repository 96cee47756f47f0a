import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { DomainError } from "@/lib/errors/domain-error";
import { FILE_MESSAGES, SIGNATURE_BYTES, detectFileType, type AcceptedContentType } from "./file-types";

/**
 * Passes a file's bytes through while checking them: its first bytes must show an accepted
 * type (else 415 before anything past them is passed on), it may not pass `maxBytes` (413 at
 * the first byte over: the storage's write fails mid-stream), and it must not be empty. The
 * SHA-256 and the size are computed on the way, so the bytes are read once.
 */
export class FileCheck extends Transform {
  private readonly hash = createHash("sha256");
  private head: Buffer = Buffer.alloc(0);
  // Not `size`: lib-storage takes a body's `size` property for its total length (as a Blob's).
  byteCount = 0;
  contentType: AcceptedContentType | null = null;
  sha256 = "";

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.byteCount += chunk.length;
    if (this.byteCount > this.maxBytes) return callback(new DomainError("file_too_large", FILE_MESSAGES.tooLarge(this.maxBytes)));
    this.hash.update(chunk);
    if (this.contentType) return callback(null, chunk);
    // Hold the first bytes back until the type is known, so a refused file is never written.
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SIGNATURE_BYTES) return callback();
    this.decide(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.byteCount === 0) return callback(new DomainError("file_missing", FILE_MESSAGES.empty));
    if (!this.contentType) {
      // A file shorter than SIGNATURE_BYTES: decide on what there is.
      this.contentType = detectFileType(this.head);
      if (!this.contentType) return callback(new DomainError("unsupported_file_type", FILE_MESSAGES.type));
      this.push(this.head);
    }
    this.sha256 = this.hash.digest("hex");
    callback();
  }

  private decide(callback: TransformCallback): void {
    this.contentType = detectFileType(this.head);
    if (!this.contentType) return callback(new DomainError("unsupported_file_type", FILE_MESSAGES.type));
    const head = this.head;
    this.head = Buffer.alloc(0);
    callback(null, head);
  }
}
