import "server-only";
import { cookies } from "next/headers";
import { DATA_WORLD_COOKIE, parseDataWorld, type DataWorld } from "@/lib/sandbox/data-world";

/** The world the merchant cabinet shows on this device: the switch's cookie, live by default. */
export async function getMerchantDataWorld(): Promise<DataWorld> {
  return parseDataWorld((await cookies()).get(DATA_WORLD_COOKIE)?.value);
}
