import { assertEnv, EnvError } from "./env";

/**
 * A server process's first step (instrumentation.ts): the configuration is valid, or the
 * process ends with the message naming each variable, before it serves anything.
 */
export function assertEnvOrExit(): void {
  try {
    assertEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${error.message}\n\nSee "Configuration" in README.md.`);
    process.exit(1);
  }
}
