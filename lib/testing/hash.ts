// API keys and trader tokens are stored as the SHA-256 hex of the full secret plus a readable
// prefix; the factories and the seed use the gateway's own functions so a seeded key always
// authenticates.
export { keyPrefix, sha256Hex } from "@/lib/auth/api-keys";
