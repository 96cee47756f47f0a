// Run by the production API smoke spec (tsx --conditions=react-server, DATABASE_URL set): what an
// operator would set up in the admin cabinet before the first payment — a RUB/USDT rate, a trader
// with a USDT deposit, a requisite and an API token, a store with a key — made with the factories
// the tests use. Prints the store key and the trader token as JSON.
import { prisma } from "@/lib/db/client";
import { setupReference, storeWithApiKey, traderWithApiToken } from "@/lib/testing/fixtures";

const { currencies } = await setupReference();
const trader = await traderWithApiToken(currencies);
const { store, key } = await storeWithApiKey({ name: "Production smoke store" });
console.log(JSON.stringify({ storeKey: key, traderToken: trader.token, storeId: store.id, payinCommission: store.payinCommission.toString() }));
await prisma.$disconnect();
