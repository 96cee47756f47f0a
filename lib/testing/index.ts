// Factories shared by the demo seed and the tests. Each takes a Prisma client or transaction
// first and creates rows the way the product would, with unique defaults for everything not given.
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
export * from "@/prisma/demo-history";
