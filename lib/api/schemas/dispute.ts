import { z } from "zod";
import { DISPUTE_TEXT_MAX, EVIDENCE_CONTENT_TYPES, isPrintableText } from "@/lib/disputes/limits";
import type { EvidenceFile } from "@/lib/disputes/evidence";
import { INLINE_FILE_BASE64_MAX, text } from "./common";
import { orderObjectSchema } from "./order-object";

/** Files per API request; the body limit of the dispute routes leaves room for this many at the receipts.max_bytes cap. */
export const API_EVIDENCE_MAX_FILES = 3;

export const evidenceFileSchema = z
  .object({
    file_name: text(255),
    content_type: z.enum(EVIDENCE_CONTENT_TYPES).describe("What the file claims to be; the stored type is the one its bytes show"),
    content_base64: z
      .string()
      .min(4)
      .max(INLINE_FILE_BASE64_MAX)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "must be base64" })
      .describe("The file, base64-encoded: at most the receipts.max_bytes setting (10 MiB by default) decoded; a JPEG, PNG, WebP, HEIC/HEIF image or a PDF by its bytes"),
  })
  .strict();

export const openDisputeSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(DISPUTE_TEXT_MAX)
      .refine(isPrintableText, { message: "must not contain control characters (other than line breaks) or invalid Unicode" })
      .describe("What the customer says happened, shown to support; may have several lines"),
    evidence: z
      .array(evidenceFileSchema)
      .max(API_EVIDENCE_MAX_FILES)
      .optional()
      .describe(`Up to ${API_EVIDENCE_MAX_FILES} files (JPEG, PNG, WebP, HEIC/HEIF or PDF), each at most the receipts.max_bytes setting`),
  })
  .strict();

export type OpenDisputeBody = z.infer<typeof openDisputeSchema>;

export function decodeEvidence(file: z.infer<typeof evidenceFileSchema>): EvidenceFile {
  return { fileName: file.file_name, contentType: file.content_type, data: Buffer.from(file.content_base64, "base64") };
}

export const disputeObjectSchema = z.object({
  id: z.number().int(),
  status: z.enum(["open", "resolved_completed", "resolved_cancelled"]),
  opened_via: z.string().describe("merchant_api, merchant_cabinet, or system when the platform escalated an overdue paid order"),
  reason: z.string(),
  evidence_count: z.number().int(),
  created_at: z.string(),
});

export const disputedOrderSchema = orderObjectSchema.extend({ dispute: disputeObjectSchema });
