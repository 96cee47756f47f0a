import { describe, expect, it } from "vitest";
import { maskPaymentDetails } from "./mask-payment-details";

describe("maskPaymentDetails", () => {
  it("keeps the last four characters of the requisite's and the destination's number, and everything else", () => {
    const order = {
      id: "pi_x",
      requisite: { type: "card", details: { number: "2200 1234 5678 9010", holder: "IVAN P." }, bank: { name: "Sber" } },
      destination: { type: "card", number: "4111111111111111", holder: "ANNA K." },
    };
    expect(maskPaymentDetails(order)).toEqual({
      id: "pi_x",
      requisite: { type: "card", details: { number: "•••• 9010", holder: "IVAN P." }, bank: { name: "Sber" } },
      destination: { type: "card", number: "•••• 1111", holder: "ANNA K." },
    });
    // The order passed in is left as it was.
    expect(order.requisite.details.number).toBe("2200 1234 5678 9010");
  });

  it("leaves orders without a requisite, destination or number as they are", () => {
    const order = { requisite: null, destination: null };
    expect(maskPaymentDetails(order)).toEqual(order);
    expect(maskPaymentDetails({ requisite: { details: { holder: "X" } }, destination: ["odd"] })).toEqual({ requisite: { details: { holder: "X" } }, destination: ["odd"] });
  });
});
