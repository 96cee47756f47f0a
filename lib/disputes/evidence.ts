import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, type EvidenceContentType } from "./limits";

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * The first bytes each accepted type must start with: a file whose content is not what its
 * content type claims (an HTML page sent as image/png) is refused, so support never opens
 * something other than an image or a PDF.
 */
const SIGNATURES: Record<EvidenceContentType, readonly number[]> = {
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

const isEvidenceType = (value: string): value is EvidenceContentType => (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(value);

function refuse(index: number, field: string, message: string): never {
  throw new DomainError("invalid_evidence", `evidence.${index}.${field}: ${message}`, { param: `evidence.${index}.${field}` });
}

/**
 * Checks evidence files before anything is written: at most EVIDENCE_MAX_FILES, each a named
 * PNG, JPEG or PDF of 1 byte to EVIDENCE_MAX_BYTES whose bytes match its type. A refusal is an
 * `invalid_evidence` error naming the file and field.
 */
export function validateEvidence(files: readonly EvidenceFile[]): void {
  if (files.length > EVIDENCE_MAX_FILES) {
    throw new DomainError("invalid_evidence", `evidence: at most ${EVIDENCE_MAX_FILES} files.`, { param: "evidence" });
  }
  files.forEach((file, index) => {
    const name = file.fileName.trim();
    if (!name || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) refuse(index, "file_name", "must be 1 to 255 printable characters");
    if (!isEvidenceType(file.contentType)) refuse(index, "content_type", `must be one of ${EVIDENCE_CONTENT_TYPES.join(", ")}`);
    if (file.data.length === 0 || file.data.length > EVIDENCE_MAX_BYTES) refuse(index, "content", `must be 1 to ${EVIDENCE_MAX_BYTES} bytes`);
    const signature = SIGNATURES[file.contentType];
    if (!signature.every((byte, i) => file.data[i] === byte)) refuse(index, "content", `is not a ${file.contentType} file`);
  });
}

/** Stores validated evidence as receipts of the order, attached to the dispute. */
export async function storeEvidence(
  tx: Tx,
  input: { orderId: string; disputeId: number; uploadedVia: string; actor: Actor; files: readonly EvidenceFile[] },
): Promise<void> {
  if (!input.files.length) return;
  await tx.receipt.createMany({
    data: input.files.map((file) => ({
      orderId: input.orderId,
      disputeId: input.disputeId,
      uploadedVia: input.uploadedVia,
      uploadedById: input.actor.userId ?? null,
      fileName: file.fileName.trim(),
      contentType: file.contentType,
      sizeBytes: file.data.length,
      sha256: createHash("sha256").update(file.data).digest("hex"),
      data: new Uint8Array(file.data),
    })),
  });
}
