// Demo accounts created by the seed (local use only) and printed by `npm start`.
export const DEMO_LOGINS = {
  password: "demo-password",
  users: [
    { role: "admin", email: "admin@jivapay.dev" },
    { role: "merchant", email: "merchant@jivapay.dev" },
    { role: "trader", email: "trader@jivapay.dev" },
    { role: "teamlead", email: "teamlead@jivapay.dev" },
    { role: "support", email: "support@jivapay.dev" },
  ],
  merchantApiKey: "jp_test_demo_merchant_key",
  /** The key of the demo merchant's sandbox store (README "Sandbox"): orders go to the simulated trader only. */
  merchantSandboxApiKey: "jp_sandbox_demo_merchant_key",
  webhookSecret: "whsec_ZGVtby13ZWJob29rLXNlY3JldC0xMjM0NTY3ODkw",
  traderApiToken: "jp_test_demo_trader_token",
} as const;
