import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from app/globals.css; this file (loaded there with @config)
// holds what is easier to say in TypeScript: content paths and dark mode by class.
const config: Config = {
  darkMode: "class",
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
};

export default config;
