import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { signWebhook } from "./sign-webhook";
import { signingSecrets } from "./signing-secrets";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER = `whsec_${Buffer.from("another secret of some length").toString("base64")}`;
const body = JSON.stringify({ type: "payin.completed", data: { id: "pi_01ARZ3NDEKTSV4RRFFQ69G5FAV", amount: 150000 } });
const now = () => Math.floor(Date.now() / 1000);

describe("signWebhook (Standard Webhooks)", () => {
  it("produces headers the standardwebhooks library verifies", () => {
    const headers = signWebhook({ webhookId: "msg_1", timestamp: now(), body, secrets: [SECRET] });
    expect(Object.keys(headers).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("matches the specification's reference signature", () => {
    // The example in the Standard Webhooks specification and its reference libraries.
    const headers = signWebhook({ webhookId: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: '{"test": 2432232314}', secrets: [SECRET] });
    expect(headers["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("signs with every secret during a rotation, and either one verifies", () => {
    const headers = signWebhook({ webhookId: "msg_2", timestamp: now(), body, secrets: [OTHER, SECRET] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(SECRET).verify(body, headers)).toBeTruthy();
    expect(new Webhook(OTHER).verify(body, headers)).toBeTruthy();
  });

  it("does not verify a changed body, id or timestamp", () => {
    const timestamp = now();
    const headers = signWebhook({ webhookId: "msg_3", timestamp, body, secrets: [SECRET] });
    const webhook = new Webhook(SECRET);
    expect(() => webhook.verify(body.replace("150000", "150001"), headers)).toThrow(WebhookVerificationError);
    expect(() => webhook.verify(body, { ...headers, "webhook-id": "msg_4" })).toThrow(WebhookVerificationError);
    expect(() => webhook.verify(body, { ...headers, "webhook-timestamp": String(timestamp + 1) })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(OTHER).verify(body, headers)).toThrow(WebhookVerificationError);
  });
});

describe("signingSecrets", () => {
  const rotatedAt = new Date("2026-01-01T00:00:00Z");
  const store = { webhookSecret: OTHER, webhookSecretPrevious: SECRET, webhookSecretRotatedAt: rotatedAt };
  const hoursLater = (h: number) => new Date(rotatedAt.getTime() + h * 3600_000);

  it("adds the previous secret while the rotation is younger than the overlap", () => {
    expect(signingSecrets(store, hoursLater(0), 24)).toEqual([OTHER, SECRET]);
    expect(signingSecrets(store, hoursLater(23.99), 24)).toEqual([OTHER, SECRET]);
    expect(signingSecrets(store, hoursLater(24), 24)).toEqual([OTHER]);
    expect(signingSecrets(store, hoursLater(1), 0)).toEqual([OTHER]);
  });

  it("uses only the current secret when nothing was rotated", () => {
    expect(signingSecrets({ webhookSecret: SECRET, webhookSecretPrevious: null, webhookSecretRotatedAt: null }, hoursLater(0), 24)).toEqual([SECRET]);
  });
});
