import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { storeFileBytes, type FileBytes } from "@/lib/files/store-file-bytes";
import { deleteStoredFiles } from "@/lib/files/delete-stored-file";
import type { StoredFile } from "@/lib/files/stored-file";
import { storeReceipt } from "@/lib/orders/store-receipt";
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_FILES } from "./limits";

/** An evidence file as sent (the API's base64, a cabinet form's file); its claimed type is only checked to be one we accept. */
export type EvidenceFile = FileBytes;

function refuse(index: number, field: string, message: string, cause?: unknown): never {
  throw new DomainError("invalid_evidence", `evidence.${index}.${field}: ${message}`, { param: `evidence.${index}.${field}`, cause });
}

/**
 * Checks what can be checked before storing: at most EVIDENCE_MAX_FILES, each named, not
 * empty, and if it claims a content type, one we accept. The bytes (signature, size cap) are
 * checked as they are stored (storeEvidenceFiles). A refusal is an `invalid_evidence` error
 * naming the file and field.
 */
export function validateEvidence(files: readonly EvidenceFile[]): void {
  if (files.length > EVIDENCE_MAX_FILES) {
    throw new DomainError("invalid_evidence", `evidence: at most ${EVIDENCE_MAX_FILES} files.`, { param: "evidence" });
  }
  files.forEach((file, index) => {
    const name = file.fileName.trim();
    if (!name || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) refuse(index, "file_name", "must be 1 to 255 printable characters");
    if (file.contentType !== undefined && !(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(file.contentType)) {
      refuse(index, "content_type", `must be one of ${EVIDENCE_CONTENT_TYPES.join(", ")}`);
    }
    if (file.data.length === 0) refuse(index, "content", "must not be empty");
  });
}

/**
 * Puts validated evidence into storage, each file through the receipts' checks (type by its
 * signature, the receipts.max_bytes cap, SHA-256), before the dispute's transaction. A refused
 * file is `invalid_evidence` naming it, and the files stored before it are deleted again.
 */
export async function storeEvidenceFiles(files: readonly EvidenceFile[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const [index, file] of files.entries()) {
    try {
      stored.push(await storeFileBytes({ ...file, fileName: file.fileName.trim() }));
    } catch (error) {
      await deleteStoredFiles(stored);
      if (error instanceof DomainError) refuse(index, "content", error.message, error);
      throw error;
    }
  }
  return stored;
}

/** Records stored evidence as receipts of the order, attached to the dispute. */
export async function storeEvidence(
  tx: Tx,
  input: { orderId: string; disputeId: number; uploadedVia: string; actor: Actor; files: readonly StoredFile[] },
): Promise<void> {
  for (const file of input.files) await storeReceipt(tx, input.orderId, input.uploadedVia, input.actor, file, input.disputeId);
}
