import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

/**
 * Every configuration_settings key the platform reads: its type (a zod schema, used by the
 * admin editor and by readers), its default and what it means. The seed writes the defaults.
 */
const seconds = z.number().int().min(1).max(7 * 24 * 3600);
const count = z.number().int().min(0).max(1_000_000);

export const SETTINGS = {
  "order.payment_ttl_seconds": {
    schema: seconds,
    default: 15 * 60,
    description: "How long a matched pay-in waits for the customer's payment and the trader's confirmation before it expires.",
  },
  "order.payout_ttl_seconds": {
    schema: seconds,
    default: 60 * 60,
    description: "How long a payout may stay with a trader before it expires and the store's hold is released.",
  },
  "order.payout_offer_seconds": {
    schema: z.number().int().min(5).max(3600),
    default: 60,
    description: "How long a new payout is offered to one online trader; unanswered, it is offered to the next.",
  },
  "order.payout_confirm_window_seconds": {
    schema: seconds,
    default: 60 * 60,
    description: "After the trader uploads a payout's receipt, the merchant has this long to confirm or dispute it; with neither, the payout completes.",
  },
  "order.late_dispute_window_hours": {
    schema: z.number().int().min(0).max(24 * 90),
    default: 72,
    description: "A merchant may dispute an expired or cancelled pay-in (the customer paid late) for this many hours after it ended (0 = never).",
  },
  "trader.online_window_seconds": {
    schema: z.number().int().min(10).max(3600),
    default: 120,
    description: "A trader seen in the cabinet or the trader API within this many seconds is online: only online traders are offered payouts.",
  },
  "order.match_attempts": {
    schema: z.number().int().min(1).max(1000),
    default: 10,
    description: "How many times an unmatched order is tried against requisites before it fails.",
  },
  "order.match_window_seconds": {
    schema: seconds,
    default: 10 * 60,
    description: "How long after creation an unmatched order keeps being retried before it fails.",
  },
  "order.match_backoff_seconds": {
    schema: seconds,
    default: 5,
    description: "Delay after an unmatched order's first attempt before it is tried again; each later delay doubles, up to order.match_backoff_max_seconds.",
  },
  "order.match_backoff_max_seconds": {
    schema: seconds,
    default: 60,
    description: "Longest delay between two matching attempts of an unmatched order.",
  },
  "matching.max_open_orders_per_requisite": {
    schema: z.number().int().min(1).max(100),
    default: 3,
    description: "A requisite with this many open orders gets no new ones.",
  },
  "matching.amount_adjustment_max_units": {
    schema: z.number().int().min(0).max(100),
    default: 5,
    description: "Up to how many minor units an amount may be shifted to avoid two open orders with the same amount on one requisite (stores that allow it).",
  },
  "matching.paused": {
    schema: z.boolean(),
    default: false,
    description: "Platform circuit breaker: when true, no new order is matched.",
  },
  "fraud.max_open_orders_per_customer": {
    schema: count,
    default: 3,
    description: "A customer with this many open orders in a store cannot open another (0 = no cap).",
  },
  "fraud.max_orders_per_customer_per_hour": {
    schema: count,
    default: 20,
    description: "Velocity cap: orders per customer per store per hour (0 = no cap).",
  },
  "fraud.blacklisted_customer_ids": {
    schema: z.array(z.string().min(1).max(128)).max(10_000),
    default: [] as string[],
    description: "Customer ids whose orders are refused in every store.",
  },
  "rate_limit.per_api_key_per_minute": {
    schema: z.number().int().min(1).max(1_000_000),
    default: 600,
    description: "Gateway requests allowed per API key per minute.",
  },
  "rate_limit.per_ip_per_minute": {
    schema: z.number().int().min(1).max(1_000_000),
    default: 1200,
    description: "Gateway requests allowed per client IP per minute.",
  },
  "callbacks.retry_schedule_seconds": {
    schema: z.array(seconds).min(1).max(50),
    default: [10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400],
    description: "Delays between merchant callback attempts; the last delay repeats until the total passes callbacks.max_age_hours.",
  },
  "callbacks.max_age_hours": {
    schema: z.number().int().min(1).max(24 * 14),
    default: 48,
    description: "A callback still failing after this long is marked failed.",
  },
  "callbacks.allowed_private_hosts": {
    schema: z.array(z.string().min(1).max(255)).max(100),
    default: [] as string[],
    description: "Hosts or CIDRs that callbacks may reach although they are private or loopback (local development and tests).",
  },
  "callbacks.secret_rotation_overlap_hours": {
    schema: z.number().int().min(0).max(24 * 14),
    default: 24,
    description: "After a webhook secret rotation, callbacks are signed with both the new and the previous secret for this many hours, so merchants can switch without dropping one.",
  },
  "callbacks.concurrency": {
    schema: z.number().int().min(1).max(500),
    default: 50,
    description: "Callbacks each app instance sends at the same time; a finished one frees its slot at once.",
  },
  "callbacks.max_in_flight_per_store": {
    schema: z.number().int().min(1).max(100),
    default: 10,
    description: "Callbacks of one store in flight at once across all instances: a store's backlog or a hanging endpoint never takes every slot, so other stores' callbacks go out on time.",
  },
  "callbacks.connect_timeout_ms": {
    schema: z.number().int().min(100).max(60_000),
    default: 3000,
    description: "How long a callback waits for the TCP connection to the merchant's endpoint.",
  },
  "callbacks.response_timeout_ms": {
    schema: z.number().int().min(500).max(60_000),
    default: 10_000,
    description: "How long a callback waits, from the start, for the response's headers.",
  },
  "callbacks.breaker_failure_threshold": {
    schema: z.number().int().min(1).max(1000),
    default: 5,
    description: "Timeouts or connection failures in a row after which a store's callbacks pause (its endpoint's circuit breaker opens) and only a probe is sent.",
  },
  "callbacks.breaker_probe_seconds": {
    schema: z.number().int().min(1).max(3600),
    default: 10,
    description: "Wait before the first probe of an open breaker; it doubles after each failed probe, up to callbacks.breaker_probe_max_seconds.",
  },
  "callbacks.breaker_probe_max_seconds": {
    schema: z.number().int().min(1).max(24 * 3600),
    default: 300,
    description: "Longest wait between two probes of an open breaker.",
  },
  "rates.manual": {
    schema: z.record(z.string().regex(/^[A-Z]{3,10}$/), z.string().regex(/^\d+(\.\d+)?$/)),
    default: { RUB: "92.50" } as Record<string, string>,
    description: "Manual fiat per USDT rates used when no rate source is configured.",
  },
  "commission.default_trader_payin_reward": {
    schema: z.string().regex(/^0(\.\d{1,6})?$/),
    default: "0.02",
    description: "Reward fraction for new traders on pay-ins.",
  },
  "retention.idempotency_hours": {
    schema: z.number().int().min(24).max(24 * 365),
    default: 48,
    description: "Completed gateway idempotency keys are deleted this many hours after the request (at least 24): a retry with the same key after that runs again.",
  },
  "retention.mail_days": {
    schema: z.number().int().min(1).max(3650),
    default: 30,
    description: "Sent, stored and failed emails are deleted from the mail outbox this many days after they were queued.",
  },
  "receipts.max_bytes": {
    // At most 25 MiB: next.config.mjs lets the cabinets' JSON routes through the proxy up to 40 MB (a base64 file is 4/3 larger).
    schema: z.number().int().min(64 * 1024).max(25 * 1024 * 1024),
    default: 10 * 1024 * 1024,
    description: "Largest receipt or dispute evidence file, in bytes (JPEG, PNG, WebP, HEIC/HEIF or PDF), uploaded as a file or sent base64 in the API.",
  },
  "security.require_2fa_roles": {
    schema: z.array(z.enum(ROLES)).max(ROLES.length),
    default: ["admin", "support"] as Array<(typeof ROLES)[number]>,
    description: "Roles whose users must enrol in two-factor sign-in (TOTP) before they can use their cabinet; other roles may enrol if they wish.",
  },
} as const satisfies Record<string, { schema: z.ZodType; default: unknown; description: string }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}
