// Default settings are production code (lib/platform); the factories re-export them.
export { ensureDefaultSettings } from "@/lib/platform/reference-data";
