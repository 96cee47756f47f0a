import { z } from "zod";
import { createPayinSchema, confirmPayinSchema } from "./schemas/payin";
import { createPayoutSchema } from "./schemas/payout";
import { cancelOrderSchema, receiptSchema } from "./schemas/common";
import { listOrdersQuerySchema } from "./schemas/orders";
import { balanceObjectSchema, errorObjectSchema, orderObjectSchema } from "./schemas/order-object";
import { callbackListSchema, callbackObjectSchema, resendCallbackSchema } from "./schemas/callbacks";
import { disputedOrderSchema, openDisputeSchema } from "./schemas/dispute";
import { ERRORS, errorEntry, type ErrorCode } from "@/lib/errors/catalogue";

// The document is generated from the same zod schemas the handlers parse with.
const schema = (s: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: object) => ({ content: { "application/json": { schema: s } } });

type Security = "merchantKey" | "traderToken";

/** Who is calling is checked first: each scheme's 401 codes. */
const AUTH_ERRORS: Record<Security, readonly ErrorCode[]> = {
  merchantKey: ["missing_api_key", "invalid_api_key", "account_deactivated", "store_deactivated"],
  traderToken: ["missing_api_key", "invalid_api_token", "account_deactivated"],
};
/** Every POST reads its body as JSON. */
const BODY_ERRORS = ["body_too_large", "invalid_json"] as const satisfies readonly ErrorCode[];
/** A merchant POST with an Idempotency-Key. */
const IDEMPOTENCY_ERRORS = ["invalid_idempotency_key", "idempotency_conflict", "idempotency_in_progress"] as const satisfies readonly ErrorCode[];
/** A body or query parsed with a zod schema. */
const VALIDATION_ERRORS = ["invalid_type", "invalid_value"] as const satisfies readonly ErrorCode[];
/** What creating an order can be refused with, pay-in or payout (store limits, fraud rules, reference data). */
const NEW_ORDER_ERRORS = [
  "amount_too_small",
  "amount_too_large",
  "customer_blocked",
  "customer_open_orders_limit",
  "customer_velocity_limit",
  "unsupported_currency",
  "rate_unavailable",
  "duplicate_merchant_order_id",
] as const satisfies readonly ErrorCode[];

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Same key and body → the first response again; another body → 409 idempotency_conflict.",
  schema: { type: "string", maxLength: 255 },
};
const orderId = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^p[io]_[0-9A-HJKMNP-TV-Z]{26}$" } };

interface OperationSpec {
  summary: string;
  /** The success response's schema. */
  response: object;
  status?: "200" | "201";
  security?: Security;
  /** The request body's component schema. */
  body?: string;
  bodyRequired?: boolean;
  query?: object[];
  /** The path has the order id ({id}). */
  orderId?: boolean;
  /** The codes the operation itself can answer with; the common ones (authentication, rate limit, body, validation, order id) are added. */
  errors?: readonly ErrorCode[];
}

const CATALOGUE_ORDER = Object.keys(ERRORS);

/** Every code an operation can answer with, by status in catalogue order: the common ones its shape implies, and its own. */
function operationErrors(method: "get" | "post", spec: OperationSpec): ErrorCode[] {
  const security = spec.security ?? "merchantKey";
  const codes: ErrorCode[] = [
    ...AUTH_ERRORS[security],
    "rate_limited",
    ...(method === "post" ? BODY_ERRORS : []),
    ...(method === "post" && security === "merchantKey" ? IDEMPOTENCY_ERRORS : []),
    ...(spec.body || spec.query?.length ? VALIDATION_ERRORS : []),
    ...(spec.orderId ? (["order_not_found"] as const) : []),
    ...(spec.errors ?? []),
  ];
  return [...new Set(codes)].sort((a, b) => ERRORS[a].status - ERRORS[b].status || CATALOGUE_ORDER.indexOf(a) - CATALOGUE_ORDER.indexOf(b));
}

/** One response per status, listing its codes with their sentences (the code is an enum of them). */
function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => {
      const retryAfter = list.some((code) => errorEntry(code).retryAfterSeconds !== undefined);
      return [
        String(status),
        {
          description: list.map((code) => `- \`${code}\`: ${ERRORS[code].sentence}`).join("\n"),
          ...(retryAfter ? { headers: { "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 1 } } } } : {}),
          ...json({ allOf: [ref("Error"), { type: "object", properties: { error: { type: "object", properties: { code: { enum: list } } } } }] }),
        },
      ];
    }),
  );
}

function operation(method: "get" | "post", spec: OperationSpec) {
  const security = spec.security ?? "merchantKey";
  const errors = operationErrors(method, spec);
  return {
    summary: spec.summary,
    security: [{ [security]: [] }],
    parameters: [...(spec.orderId ? [orderId] : []), ...(method === "post" && security === "merchantKey" ? [idempotencyKey] : []), ...(spec.query ?? [])],
    ...(spec.body ? { requestBody: { required: spec.bodyRequired ?? true, ...json(ref(spec.body)) } } : {}),
    responses: { [spec.status ?? "200"]: { description: spec.summary, ...json(spec.response) }, ...errorResponses(errors) },
    "x-error-codes": errors,
  };
}

const get = (spec: OperationSpec) => operation("get", spec);
const post = (spec: OperationSpec) => operation("post", spec);

const listQuery = Object.entries((schema(listOrdersQuerySchema).properties ?? {}) as Record<string, object>).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));

export function buildOpenApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "JivaPay gateway API",
      version: "1.0.0",
      description:
        "Pay-ins and payouts routed to P2P traders. Amounts are integers in minor units (kopecks for RUB). " +
        "Every pay-in carries payment_url, a hosted payment page to send the customer to: it shows the amount, the requisite and the time left, " +
        "takes \"I have paid\" and a receipt, follows the order live, and returns the customer to the pay-in's return_url when the order ends.\n\n" +
        "Sandbox: a sandbox store's jp_sandbox_ key creates pay-ins that only the platform's simulated trader takes (commission 0, test money; " +
        "payouts and withdrawals are refused). What happens is chosen by the last two digits of the amount in minor units, each step with its signed callback:\n\n" +
        "| amount ends in | what happens | callbacks |\n|---|---|---|\n" +
        "| 00 | paid at ~2 s, completed by the trader at ~4 s | payin.awaiting_payment, payin.paid, payin.completed |\n" +
        "| 01 | expires (10 s deadline) | payin.awaiting_payment, payin.expired |\n" +
        "| 02 | paid at ~2 s, disputed by the trader at ~4 s | payin.awaiting_payment, payin.paid, payin.disputed |\n" +
        "| 03 | matching fails, failed at ~2 s | payin.failed |\n" +
        "| other | waits for POST /payin/{id}/confirm, completed ~2 s later | payin.awaiting_payment, payin.paid, payin.completed |",
    },
    servers: [{ url: serverUrl }],
    components: components(),
    paths: { ...merchantPaths(), ...traderPaths() },
  };
}

/** The security schemes and the named body and response schemas (from the zod schemas the routes parse with). */
function components() {
  return {
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
  };
}

/** The merchant's operations (store API key). */
function merchantPaths() {
  return {
    "/api/v1/payin": {
      post: post({ summary: "Create a pay-in (matched at once when a requisite fits)", body: "CreatePayin", response: ref("Order"), status: "201", errors: [...NEW_ORDER_ERRORS, "unsupported_payment_method"] }),
    },
    "/api/v1/payin/{id}": { get: get({ summary: "Retrieve a pay-in", response: ref("Order"), orderId: true }) },
    "/api/v1/payin/{id}/confirm": {
      post: post({
        summary: "The customer says they paid (optional receipt: a JPEG, PNG, WebP, HEIC/HEIF image or a PDF, up to receipts.max_bytes)",
        body: "ConfirmPayin",
        response: ref("Order"),
        orderId: true,
        errors: ["invalid_state", "file_too_large", "unsupported_file_type"],
      }),
    },
    "/api/v1/payin/{id}/dispute": {
      post: post({
        summary:
          "Dispute a paid pay-in (the customer paid, the trader did not confirm), or an expired or cancelled one within order.late_dispute_window_hours (the customer paid late); support decides",
        body: "OpenDispute",
        response: ref("DisputedOrder"),
        orderId: true,
        errors: ["invalid_state", "late_dispute_window_closed", "not_matched", "dispute_resolved", "dispute_open", "invalid_evidence"],
      }),
    },
    "/api/v1/payin/{id}/cancel": {
      post: post({ summary: "Cancel a pay-in before the customer reports a payment; holds are released", body: "CancelOrder", response: ref("Order"), orderId: true, errors: ["invalid_state"] }),
    },
    "/api/v1/payout": {
      post: post({ summary: "Create a payout (holds the store's funds)", body: "CreatePayout", response: ref("Order"), status: "201", errors: [...NEW_ORDER_ERRORS, "insufficient_balance"] }),
    },
    "/api/v1/payout/{id}": { get: get({ summary: "Retrieve a payout", response: ref("Order"), orderId: true }) },
    "/api/v1/payout/{id}/cancel": {
      post: post({ summary: "Cancel a payout no trader has accepted yet; the hold is released", body: "CancelOrder", response: ref("Order"), orderId: true, errors: ["invalid_state"] }),
    },
    "/api/v1/payout/{id}/confirm": {
      post: post({ summary: "Confirm that the recipient got a paid payout's money: it completes", response: ref("Order"), orderId: true, errors: ["invalid_state"] }),
    },
    "/api/v1/payout/{id}/dispute": {
      post: post({
        summary: "Dispute a paid payout within order.payout_confirm_window_seconds (the recipient got nothing); support decides",
        body: "OpenDispute",
        response: ref("DisputedOrder"),
        orderId: true,
        errors: ["invalid_state", "confirmation_window_closed", "dispute_open", "invalid_evidence"],
      }),
    },
    "/api/v1/balance": { get: get({ summary: "Available and held balance per currency", response: ref("Balance") }) },
    "/api/v1/orders": { get: get({ summary: "List orders, newest first (cursor pagination)", response: ref("OrderList"), query: listQuery }) },
    "/api/v1/orders/{id}/callbacks": { get: get({ summary: "The order's merchant callbacks with every delivery attempt", response: ref("CallbackList"), orderId: true }) },
    "/api/v1/orders/{id}/callbacks/resend": {
      post: post({
        summary: "Send a callback again now (the order's latest by default), with the same webhook-id",
        body: "ResendCallback",
        bodyRequired: false,
        response: ref("Callback"),
        orderId: true,
        errors: ["no_callback_url", "callback_not_found"],
      }),
    },
    "/api/v1/currencies": { get: get({ summary: "Supported currencies", response: { type: "object" } }) },
    "/api/v1/payment-methods": { get: get({ summary: "Payment methods and banks", response: { type: "object" } }) },
  };
}

/** The trader's operations (personal API token). */
function traderPaths() {
  return {
    "/api/v1/trader/orders": {
      get: get({
        summary: "The trader's own orders: open ones and payouts offered to them now (status created) by default",
        response: ref("OrderList"),
        query: [{ name: "status", in: "query", required: false, schema: { type: "string" } }],
        security: "traderToken",
      }),
    },
    "/api/v1/trader/orders/{id}/confirm": {
      post: post({ summary: "Trader confirms a pay-in arrived", response: ref("Order"), orderId: true, security: "traderToken", errors: ["invalid_state"] }),
    },
    "/api/v1/trader/orders/{id}/paid": {
      post: post({
        summary: "Trader paid a payout (receipt required: a JPEG, PNG, WebP, HEIC/HEIF image or a PDF, up to receipts.max_bytes)",
        body: "TraderPaid",
        response: ref("Order"),
        orderId: true,
        security: "traderToken",
        errors: ["invalid_state", "file_too_large", "unsupported_file_type"],
      }),
    },
    "/api/v1/trader/orders/{id}/accept": {
      post: post({
        summary: "Accept the payout offered to you: it becomes assigned to you",
        response: ref("Order"),
        orderId: true,
        security: "traderToken",
        errors: ["invalid_state", "offer_expired", "offer_no_longer_fits"],
      }),
    },
    "/api/v1/trader/orders/{id}/decline": {
      post: post({
        summary: "Decline the payout offered to you: it is offered to the next online trader",
        response: ref("DeclinedOffer"),
        orderId: true,
        security: "traderToken",
        errors: ["invalid_state"],
      }),
    },
    "/api/v1/trader/orders/{id}/release": {
      post: post({
        summary: "Give back a payout you accepted but have not paid: it is offered to the next trader",
        body: "CancelOrder",
        response: ref("Order"),
        orderId: true,
        security: "traderToken",
        errors: ["invalid_state"],
      }),
    },
    "/api/v1/trader/orders/{id}/dispute": {
      post: post({
        summary: "The money for a paid pay-in did not arrive: open a dispute for support",
        body: "OpenDispute",
        response: ref("DisputedOrder"),
        orderId: true,
        security: "traderToken",
        errors: ["invalid_state", "dispute_open", "invalid_evidence"],
      }),
    },
  };
}
