import { z } from "zod";
import { createPayinSchema, confirmPayinSchema } from "./schemas/payin";
import { createPayoutSchema } from "./schemas/payout";
import { cancelOrderSchema, receiptSchema } from "./schemas/common";
import { listOrdersQuerySchema } from "./schemas/orders";
import { balanceObjectSchema, errorObjectSchema, orderObjectSchema } from "./schemas/order-object";
import { callbackListSchema, callbackObjectSchema, resendCallbackSchema } from "./schemas/callbacks";
import { disputedOrderSchema, openDisputeSchema } from "./schemas/dispute";

// The document is generated from the same zod schemas the handlers parse with.
const schema = (s: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: object) => ({ content: { "application/json": { schema: s } } });

const ERRORS = {
  "400": { description: "Malformed request (invalid JSON, body too large)", ...json(ref("Error")) },
  "401": { description: "Missing, unknown or revoked key", ...json(ref("Error")) },
  "404": { description: "Unknown order, or another store's", ...json(ref("Error")) },
  "409": { description: "invalid_state, duplicate_merchant_order_id, idempotency_conflict", ...json(ref("Error")) },
  "422": { description: "Validation or a business rule (fraud checks, insufficient_balance)", ...json(ref("Error")) },
  "429": { description: "Rate limited; see Retry-After", ...json(ref("Error")) },
};

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Same key and body → the first response again; another body → 409 idempotency_conflict.",
  schema: { type: "string", maxLength: 255 },
};
const orderId = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^p[io]_[0-9A-HJKMNP-TV-Z]{26}$" } };

function post(summary: string, body: string | null, response: string, status = "200", security = "merchantKey") {
  return {
    summary,
    security: [{ [security]: [] }],
    parameters: [idempotencyKey],
    ...(body ? { requestBody: { required: true, ...json(ref(body)) } } : {}),
    responses: { [status]: { description: summary, ...json(ref(response)) }, ...ERRORS },
  };
}

function get(summary: string, response: object, parameters: object[] = [], security = "merchantKey") {
  return { summary, security: [{ [security]: [] }], parameters, responses: { "200": { description: summary, ...json(response) }, ...ERRORS } };
}

function withPathId<T extends object>(operation: T): T {
  const op = operation as T & { parameters?: object[] };
  return { ...op, parameters: [orderId, ...(op.parameters ?? [])] };
}

const listQuery = Object.entries((schema(listOrdersQuerySchema).properties ?? {}) as Record<string, object>).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));

export function buildOpenApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "JivaPay gateway API",
      version: "1.0.0",
      description: "Pay-ins and payouts routed to P2P traders. Amounts are integers in minor units (kopecks for RUB).",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        merchantKey: { type: "http", scheme: "bearer", description: "Store API key" },
        traderToken: { type: "http", scheme: "bearer", description: "Personal trader API token" },
      },
      schemas: {
        CreatePayin: schema(createPayinSchema),
        ConfirmPayin: schema(confirmPayinSchema),
        OpenDispute: schema(openDisputeSchema),
        DisputedOrder: schema(disputedOrderSchema),
        CreatePayout: schema(createPayoutSchema),
        CancelOrder: schema(cancelOrderSchema),
        Receipt: schema(receiptSchema),
        TraderPaid: schema(z.object({ receipt: receiptSchema }).strict()),
        DeclinedOffer: schema(z.object({ id: z.string(), object: z.literal("payout"), offer: z.literal("declined") })),
        Order: schema(orderObjectSchema),
        OrderList: schema(z.object({ object: z.literal("list"), data: z.array(orderObjectSchema), has_more: z.boolean().optional() })),
        Balance: schema(balanceObjectSchema),
        Error: schema(errorObjectSchema),
        Callback: schema(callbackObjectSchema),
        CallbackList: schema(callbackListSchema),
        ResendCallback: schema(resendCallbackSchema),
      },
    },
    paths: {
      "/api/v1/payin": { post: post("Create a pay-in (matched at once when a requisite fits)", "CreatePayin", "Order", "201") },
      "/api/v1/payin/{id}": { get: withPathId(get("Retrieve a pay-in", ref("Order"))) },
      "/api/v1/payin/{id}/confirm": { post: withPathId(post("The customer says they paid (optional receipt)", "ConfirmPayin", "Order")) },
      "/api/v1/payin/{id}/dispute": {
        post: withPathId(
          post(
            "Dispute a paid pay-in (the customer paid, the trader did not confirm), or an expired or cancelled one within order.late_dispute_window_hours (the customer paid late); support decides. 409 invalid_state otherwise, late_dispute_window_closed, dispute_open if one is open; 422 invalid_evidence",
            "OpenDispute",
            "DisputedOrder",
          ),
        ),
      },
      "/api/v1/payin/{id}/cancel": { post: withPathId(post("Cancel a pay-in before the customer reports a payment; holds are released. 409 invalid_state once paid", "CancelOrder", "Order")) },
      "/api/v1/payout": { post: post("Create a payout (holds the store's funds)", "CreatePayout", "Order", "201") },
      "/api/v1/payout/{id}": { get: withPathId(get("Retrieve a payout", ref("Order"))) },
      "/api/v1/payout/{id}/cancel": { post: withPathId(post("Cancel a payout no trader has accepted yet; the hold is released. 409 invalid_state once a trader took it", "CancelOrder", "Order")) },
      "/api/v1/payout/{id}/confirm": { post: withPathId(post("Confirm that the recipient got a paid payout's money: it completes", null, "Order")) },
      "/api/v1/payout/{id}/dispute": {
        post: withPathId(post("Dispute a paid payout within order.payout_confirm_window_seconds (the recipient got nothing); support decides", "OpenDispute", "DisputedOrder")),
      },
      "/api/v1/balance": { get: get("Available and held balance per currency", ref("Balance")) },
      "/api/v1/orders": { get: get("List orders, newest first (cursor pagination)", ref("OrderList"), listQuery) },
      "/api/v1/orders/{id}/callbacks": { get: withPathId(get("The order's merchant callbacks with every delivery attempt", ref("CallbackList"))) },
      "/api/v1/orders/{id}/callbacks/resend": {
        post: {
          ...withPathId(post("Send a callback again now (the order's latest by default), with the same webhook-id", null, "Callback")),
          requestBody: { required: false, ...json(ref("ResendCallback")) },
        },
      },
      "/api/v1/currencies": { get: get("Supported currencies", { type: "object" }) },
      "/api/v1/payment-methods": { get: get("Payment methods and banks", { type: "object" }) },
      "/api/v1/trader/orders": {
        get: get("The trader's own orders: open ones and payouts offered to them now (status created) by default", ref("OrderList"), [{ name: "status", in: "query", required: false, schema: { type: "string" } }], "traderToken"),
      },
      "/api/v1/trader/orders/{id}/confirm": { post: withPathId(post("Trader confirms a pay-in arrived", null, "Order", "200", "traderToken")) },
      "/api/v1/trader/orders/{id}/paid": { post: withPathId(post("Trader paid a payout (receipt required)", "TraderPaid", "Order", "200", "traderToken")) },
      "/api/v1/trader/orders/{id}/accept": {
        post: withPathId(post("Accept the payout offered to you: it becomes assigned to you. 409 offer_expired, offer_no_longer_fits", null, "Order", "200", "traderToken")),
      },
      "/api/v1/trader/orders/{id}/decline": {
        post: withPathId(post("Decline the payout offered to you: it is offered to the next online trader", null, "DeclinedOffer", "200", "traderToken")),
      },
      "/api/v1/trader/orders/{id}/release": {
        post: withPathId(post("Give back a payout you accepted but have not paid: it is offered to the next trader", "CancelOrder", "Order", "200", "traderToken")),
      },
      "/api/v1/trader/orders/{id}/dispute": {
        post: withPathId(post("The money for a paid pay-in did not arrive: open a dispute for support", "OpenDispute", "DisputedOrder", "200", "traderToken")),
      },
    },
  };
}
