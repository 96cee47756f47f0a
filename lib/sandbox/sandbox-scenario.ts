/**
 * What the simulated sandbox trader does with a sandbox pay-in, by the last two digits of its
 * amount in minor units (README "Sandbox"): 10000 completes, 10001 expires, 10002 is disputed,
 * 10003 fails matching; any other amount waits for the merchant's confirm and then completes.
 * Sandbox matching never nudges an amount (lib/matching/select-requisite.ts), so the digits the
 * developer sent are the ones read here.
 */
export type SandboxScenario = "complete" | "expire" | "dispute" | "fail_matching" | "await_confirm";

const BY_LAST_TWO_DIGITS: Record<string, SandboxScenario> = {
  "0": "complete",
  "1": "expire",
  "2": "dispute",
  "3": "fail_matching",
};

export function sandboxScenario(amount: bigint): SandboxScenario {
  return BY_LAST_TWO_DIGITS[(amount % 100n).toString()] ?? "await_confirm";
}

/** Seconds a sandbox `…01` pay-in waits for payment before the ordinary expiry sweep expires it. */
export const SANDBOX_EXPIRE_SECONDS = 10;
/** Seconds the simulator waits before each of its own steps (the customer pays, the trader confirms). */
export const SANDBOX_STEP_SECONDS = 2;
