// lib/testing, the one test-support module. This index holds the factories, shared by the tests,
// the demo seed (prisma/seed.ts, prisma/demo/), the simulator and the benchmarks: each takes a
// Prisma client or transaction first and creates rows the way the product would, with unique
// defaults for everything not given. The actors of the lifecycle are in ./actors.
//
// Test-only modules (they import vitest or use the shared client, so the index leaves them out
// and tests import them by path):
//   ./assertions        expectDomainError, auditRows
//   ./fixtures          setupReference, setSetting, traderWithRequisite, storeWithBalance, … on the shared client
//   ./api               call a gateway route handler, expectErrorShape, request bodies
//   ./callback-orders   engine-made pay-ins with their callbacks
//   ./callback-receiver a merchant's webhook endpoint on 127.0.0.1
//   ./fake-resend       Resend's HTTP API on 127.0.0.1
//   ./fake-inngest      Inngest's event API on 127.0.0.1
export * from "./db";
export * from "./hash";
export * from "./money";
export * from "./order-id";
export * from "./reference";
export * from "./requisites";
export * from "./settings";
export * from "./stores";
export * from "./traders";
export * from "./unique";
export * from "./users";
export * from "./orders/common";
export * from "./orders/disputes";
export * from "./orders/payin";
export * from "./orders/payout";
export * from "./orders/transition";
export * from "./random";
