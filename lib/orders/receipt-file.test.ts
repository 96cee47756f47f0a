import { describe, expect, it } from "vitest";
import { RECEIPT_MAX_BYTES, receiptFromFile } from "./receipt-file";

describe("receipt upload from the cabinet", () => {
  it("takes a PNG, JPEG or PDF within the API's size limit, byte for byte", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const checked = await receiptFromFile(new File([bytes], "transfer.pdf", { type: "application/pdf" }));
    expect(checked).toEqual({ receipt: { fileName: "transfer.pdf", contentType: "application/pdf", data: Buffer.from(bytes) } });
  });

  it("refuses a missing file, another type and a file over the limit", async () => {
    expect(RECEIPT_MAX_BYTES).toBe(42_000);
    expect(await receiptFromFile(null)).toEqual({ error: "missing" });
    expect(await receiptFromFile(new File([], "empty.png", { type: "image/png" }))).toEqual({ error: "missing" });
    expect(await receiptFromFile(new File(["x"], "note.txt", { type: "text/plain" }))).toEqual({ error: "type" });
    expect(await receiptFromFile(new File([new Uint8Array(RECEIPT_MAX_BYTES + 1)], "big.png", { type: "image/png" }))).toEqual({ error: "size" });
    const atLimit = await receiptFromFile(new File([new Uint8Array(RECEIPT_MAX_BYTES)], "max.png", { type: "image/png" }));
    expect("receipt" in atLimit).toBe(true);
  });

  it("tidies a file name with control characters instead of refusing the receipt", async () => {
    const checked = await receiptFromFile(new File(["x"], "scan\u0007.png", { type: "image/png" }));
    expect(checked).toMatchObject({ receipt: { fileName: "scan_.png" } });
  });
});
