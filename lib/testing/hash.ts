// API keys and trader tokens are stored as the SHA-256 hex of the full secret plus a readable
// prefix; the factories and the seed use the gateway's own functions so a seeded key always
// authenticates.
import { keyPrefix, sha256Hex } from "@/lib/auth/api-keys";
import { randomBase62 } from "./unique";

export { keyPrefix, sha256Hex };

/** A bearer secret (a new `jp_test_…` one unless given) and what is stored in its place: its readable prefix and SHA-256. */
export function storedSecret(secret = `jp_test_${randomBase62(32)}`) {
  return { secret, prefix: keyPrefix(secret), hash: sha256Hex(secret) };
}
