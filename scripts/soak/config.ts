// The soak's knobs, from the environment, with defaults for `npm run soak` (a few minutes).
// `npm test` runs a short one (SOAK_SECONDS=50) with the same client count: fewer clients would
// not contend the way the issue asks for.

const int = (name: string, fallback: number, min = 0) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${raw})`);
  return value;
};

export const SOAK = {
  /** How long traffic runs. */
  seconds: int("SOAK_SECONDS", 180, 20),
  /** Concurrent clients in all (at least 64): split into pay-in merchants, payout merchants, traders, readers, support. */
  clients: int("SOAK_CLIENTS", 72, 64),
  /** Longest wait after traffic stops for deadlines to pass and the callback queue to drain. */
  drainSeconds: int("SOAK_DRAIN_SECONDS", 150, 10),
  traders: int("SOAK_TRADERS", 40, 4),
  stores: int("SOAK_STORES", 3, 1),
  /** Build output folder of the production server (`.next` is what `npm start` and the e2e phase build). */
  distDir: process.env.NEXT_DIST_DIR || ".next",
  /** Seed of the random choices (traffic mix, kill times, receiver faults); printed, so a run can be repeated. */
  seed: int("SOAK_SEED", Math.floor(Math.random() * 2 ** 31)),
  /** Keep the temporary data folder (database, server logs) after the run. */
  keep: process.env.SOAK_KEEP === "1",
} as const;

/**
 * Lifecycle settings shortened so that every deadline fires within the run: pay-ins expire,
 * paid pay-ins escalate to disputes, payouts lapse and auto-complete, unmatched orders fail.
 * Callbacks retry after seconds, not minutes, so the queue drains before the checks.
 */
export const SOAK_SETTINGS: Record<string, unknown> = {
  "order.payment_ttl_seconds": 20,
  "order.payout_ttl_seconds": 20,
  "order.payout_offer_seconds": 12,
  "order.payout_confirm_window_seconds": 15,
  "order.match_attempts": 3,
  "order.match_window_seconds": 30,
  "order.match_backoff_seconds": 2,
  "order.match_backoff_max_seconds": 4,
  "matching.max_open_orders_per_requisite": 3,
  "fraud.max_open_orders_per_customer": 0,
  "fraud.max_orders_per_customer_per_hour": 0,
  "rate_limit.per_api_key_per_minute": 1_000_000,
  "rate_limit.per_ip_per_minute": 1_000_000,
  "callbacks.retry_schedule_seconds": [1, 2, 3],
  // Should the receiver's hangs ever open a store's breaker, it is probed again within seconds
  // (the defaults wait 10 s, doubling to 5 min), like the retries above.
  "callbacks.breaker_probe_seconds": 1,
  "callbacks.breaker_probe_max_seconds": 4,
  // The merchant's server is on this machine: loopback is refused unless listed here.
  "callbacks.allowed_private_hosts": ["127.0.0.1"],
  // The support clients sign in with a password only.
  "security.require_2fa_roles": [],
};

/** The grace after a deadline within which a sweep (every 2 s in each instance) must have acted. */
export const SWEEP_GRACE_MS = 6_000;
