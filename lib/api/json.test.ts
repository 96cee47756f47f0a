import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { readJsonBody } from "./json";

/** A POST whose body arrives as a stream of `chunks`, with no Content-Length (chunked transfer). */
function streamed(chunks: string[], counter = { pulled: 0 }): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled < chunks.length) controller.enqueue(encoder.encode(chunks[counter.pulled++]));
      else controller.close();
    },
  });
  return new Request("http://localhost/api/v1/payin", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readJsonBody", () => {
  it("refuses a body over 64 KiB without a Content-Length, without reading the rest", async () => {
    const chunks = Array.from({ length: 1000 }, () => "x".repeat(1024));
    const counter = { pulled: 0 };
    const error = await readJsonBody(streamed(chunks, counter)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("body_too_large");
    // 1 KiB chunks: it stopped just past 64 of them (a stream may pull a chunk or two ahead).
    expect(counter.pulled).toBeLessThan(70);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-length": String(65 * 1024) } });
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: "body_too_large" });
  });

  it("reads a chunked body under the cap, in UTF-8, across chunk boundaries", async () => {
    const text = JSON.stringify({ customer_id: "Покупатель", padding: "y".repeat(60_000) });
    const bytes = Buffer.from(text);
    // Split inside a multi-byte character.
    const cut = bytes.indexOf(Buffer.from("о")) + 1;
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, cut));
          controller.enqueue(bytes.subarray(cut));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const { value, raw } = await readJsonBody(request);
    expect(raw).toBe(text);
    expect((value as { customer_id: string }).customer_id).toBe("Покупатель");
  });

  it("reads an empty body as {} and refuses malformed JSON", async () => {
    expect((await readJsonBody(streamed([]))).value).toEqual({});
    await expect(readJsonBody(streamed(['{"a":']))).rejects.toMatchObject({ code: "invalid_json" });
  });
});
