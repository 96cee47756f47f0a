// lib/files: both storage drivers (local files and a real S3-compatible server), the byte cap
// aborting mid-stream with nothing left behind, type by signature, SHA-256.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { startS3Server } from "@/lib/testing/s3-server";
import { SAMPLE_FILES } from "@/lib/testing/sample-files";
import { getFileStorage, resetFileStorage } from "./get-file-storage";
import { storeFileStream } from "./store-file-stream";
import { newStorageKey } from "./new-storage-key";
import { detectFileType, precheckFile } from "./file-types";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Every file under a folder (the fs driver's root), temporary ones included. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** `total` bytes of a PNG in 64 KiB chunks, like a slow upload, counting how many were pulled. */
function pngStream(total: number) {
  const pulled = { bytes: 0 };
  const chunk = 64 * 1024;
  async function* generate() {
    for (let sent = 0; sent < total; sent += chunk) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const size = Math.min(chunk, total - sent);
      const part = Buffer.alloc(size, 1);
      if (sent === 0) SAMPLE_FILES.png.copy(part);
      pulled.bytes += size;
      yield part;
    }
  }
  return { stream: Readable.from(generate()), pulled };
}

let s3: Awaited<ReturnType<typeof startS3Server>>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  process.env = savedEnv;
  resetEnvCache();
  resetFileStorage();
  await s3.stop();
});

/** Points lib/files at one driver (the fs one at this test file's FILE_STORAGE_DIR). */
function useDriver(driver: "fs" | "s3") {
  for (const name of Object.keys(s3.env)) delete process.env[name];
  if (driver === "s3") Object.assign(process.env, s3.env);
  resetEnvCache();
  resetFileStorage();
}

/** What the driver holds: keys in the bucket, or files under the fs root. */
async function storedObjects(driver: "fs" | "s3"): Promise<string[]> {
  return driver === "s3" ? s3.keys() : filesUnder(process.env.FILE_STORAGE_DIR!);
}

describe.each(["fs", "s3"] as const)("the %s driver", (driver) => {
  beforeAll(() => useDriver(driver));

  it("puts, gets and deletes bytes under a random key; a missing key reads as null", async () => {
    const storage = getFileStorage();
    expect(storage.driver).toBe(driver);
    const key = newStorageKey();
    expect(key).toMatch(/^receipts\/[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{32}$/);
    expect(newStorageKey()).not.toBe(key);
    const data = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(300_000, 9)]);
    await storage.put(key, Readable.from([data]));
    expect(await buffer((await storage.get(key))!)).toEqual(data);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine
    expect(await storedObjects(driver)).toEqual([]);
  });

  it("stores a checked file streamed in chunks, with its type from the signature and its SHA-256", async () => {
    const { stream } = pngStream(6 * 1024 * 1024 + 123); // over one 5 MiB S3 part
    const stored = await storeFileStream(stream, { maxBytes: 10 * 1024 * 1024, fileName: "перевод.png" });
    expect(stored).toMatchObject({ storageDriver: driver, fileName: "перевод.png", contentType: "image/png", sizeBytes: 6 * 1024 * 1024 + 123 });
    const bytes = await buffer((await getFileStorage().get(stored.storageKey))!);
    expect(bytes.length).toBe(stored.sizeBytes);
    expect(stored.sha256).toBe(sha256(bytes));
    await getFileStorage().delete(stored.storageKey);
  });

  it("aborts at the first byte over the cap, mid-stream, and leaves nothing stored", async () => {
    const maxBytes = 6 * 1024 * 1024;
    const { stream, pulled } = pngStream(40 * 1024 * 1024);
    const error = await storeFileStream(stream, { maxBytes, fileName: "big.png" }).catch((caught: unknown) => caught);
    const pulledAtRefusal = pulled.bytes;
    stream.destroy();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "file_too_large", status: 413, message: "The file is larger than 6 MiB; receipts may be at most 6291456 bytes." });
    // The refusal came while the body was still arriving, not after reading all 40 MiB
    // (the source is then left flowing so a request body behind it drains).
    expect(pulledAtRefusal).toBeLessThan(20 * 1024 * 1024);
    expect(await storedObjects(driver)).toEqual([]);
  });

  it("refuses an HTML page named .png (415) and an empty file (422), storing nothing", async () => {
    const html = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
    await expect(storeFileStream(Readable.from([html]), { maxBytes: 1024 * 1024, fileName: "receipt.png" })).rejects.toMatchObject({ code: "unsupported_file_type", status: 415 });
    await expect(storeFileStream(Readable.from([]), { maxBytes: 1024 * 1024, fileName: "empty.png" })).rejects.toMatchObject({ code: "file_missing", status: 422 });
    expect(await storedObjects(driver)).toEqual([]);
  });
});

describe("file types by signature", () => {
  it("knows JPEG, PNG, WebP, HEIC, HEIF and PDF by their first bytes, whatever the name", async () => {
    expect(detectFileType(SAMPLE_FILES.jpeg)).toBe("image/jpeg");
    expect(detectFileType(SAMPLE_FILES.png)).toBe("image/png");
    expect(detectFileType(SAMPLE_FILES.webp)).toBe("image/webp");
    expect(detectFileType(SAMPLE_FILES.heic)).toBe("image/heic");
    expect(detectFileType(SAMPLE_FILES.heif)).toBe("image/heif");
    expect(detectFileType(SAMPLE_FILES.pdf)).toBe("application/pdf");
    for (const refused of ["<html><body>", "GIF89a......", "PK\u0003\u0004 a zip", "<svg xmlns='http://www.w3.org/2000/svg'>", "RIFF....WAVEfmt ", "....ftypmp42...."]) {
      expect(detectFileType(Buffer.from(refused)), refused).toBeNull();
    }
  });

  it("is checked in the browser with the same rules and messages as on the server", async () => {
    const max = 10 * 1024 * 1024;
    expect(await precheckFile(null, max)).toMatchObject({ refusal: "missing" });
    expect(await precheckFile(new Blob([]), max)).toMatchObject({ refusal: "empty", message: "The file is empty." });
    expect(await precheckFile(new Blob([SAMPLE_FILES.png, new Uint8Array(max)]), max)).toEqual({
      refusal: "too_large",
      message: "The file is larger than 10 MiB; receipts may be at most 10485760 bytes.",
    });
    const server = await storeFileStream(Readable.from([Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(max)])]), { maxBytes: max }).catch((error: DomainError) => error.message);
    expect(server).toBe("The file is larger than 10 MiB; receipts may be at most 10485760 bytes.");
    expect(await precheckFile(new Blob(["<html>"], { type: "image/png" }), max)).toMatchObject({ refusal: "type" });
    for (const sample of Object.values(SAMPLE_FILES)) expect(await precheckFile(new Blob([sample]), max)).toBeNull();
  });
});
