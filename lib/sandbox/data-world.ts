/**
 * Which stores' data the merchant cabinet shows: the live ones (the default, real money) or the
 * sandbox ones (test money). Chosen with the cabinet's switch and kept in a cookie; the query
 * functions take it so live numbers never mix with sandbox numbers.
 */
export type DataWorld = "live" | "sandbox";

export const DATA_WORLD_COOKIE = "jp_merchant_world";

/** The cookie's value as a world: anything but "sandbox" is live. */
export function parseDataWorld(value: string | undefined | null): DataWorld {
  return value === "sandbox" ? "sandbox" : "live";
}
