/**
 * The kinds of file accepted as receipts and dispute evidence, told by their first bytes (the
 * "signature"), never by a name or a claimed content type: an HTML page named receipt.png is
 * refused, so support never opens something that is not an image or a PDF. No server-only
 * imports: the cabinets' upload forms run the same check and show the same messages before
 * sending anything.
 */
export const ACCEPTED_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

/** For a file input's `accept`: a hint to the browser's picker only, the bytes decide. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_CONTENT_TYPES, ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".pdf"].join(",");

/** Bytes of a file's start that detectFileType needs to decide. */
export const SIGNATURE_BYTES = 16;

const ascii = (head: Uint8Array, from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((byte, i) => head[i] === byte);

// HEIF files are ISO boxes: `....ftyp` then a major brand. These brands are HEIC (HEVC-coded
// images, what phones write) or other HEIF images and sequences.
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const HEIF_BRANDS = new Set(["mif1", "msf1", "mif2", "heif"]);

/** The content type the first bytes of a file show, or null when it is none of the accepted kinds. */
export function detectFileType(head: Uint8Array): AcceptedContentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(brand)) return "image/heic";
    if (HEIF_BRANDS.has(brand)) return "image/heif";
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  return null;
}

/** "10 MiB" for whole MiB, else KiB or bytes: how limits are written to people. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** The refusals' messages, the same from the server (DomainError) and in the browser's pre-check. */
export const FILE_MESSAGES = {
  missing: "Attach a file (a JPEG, PNG, WebP, HEIC/HEIF image or a PDF).",
  empty: "The file is empty.",
  type: "The file is not a JPEG, PNG, WebP, HEIC/HEIF image or a PDF (its content was checked, not its name).",
  tooLarge: (maxBytes: number) => `The file is larger than ${formatFileSize(maxBytes)}; receipts may be at most ${maxBytes} bytes.`,
} as const;

export type FileRefusal = "missing" | "empty" | "type" | "too_large";

/** What the browser can tell before uploading: the same rules as the server, on the same bytes. */
export async function precheckFile(file: Blob | null, maxBytes: number): Promise<{ refusal: FileRefusal; message: string } | null> {
  if (!file) return { refusal: "missing", message: FILE_MESSAGES.missing };
  if (file.size === 0) return { refusal: "empty", message: FILE_MESSAGES.empty };
  if (file.size > maxBytes) return { refusal: "too_large", message: FILE_MESSAGES.tooLarge(maxBytes) };
  const head = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
  if (!detectFileType(head)) return { refusal: "type", message: FILE_MESSAGES.type };
  return null;
}
