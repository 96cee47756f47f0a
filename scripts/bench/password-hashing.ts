// npm run bench:passwords — how much 50 parallel sign-in hashes stall the event loop: bcryptjs
// (pure JavaScript, the hash used before) against argon2id through lib/auth/password.ts
// (@node-rs/argon2 on libuv's threads, at most PASSWORD_HASH_CONCURRENCY at once). Prints the
// event loop's max and p99 delay (perf_hooks.monitorEventLoopDelay) and the wall time of each.
// Numbers only, no assertions. No database needed.
//   BENCH_HASHES (default 50) parallel hashes per run.
import { monitorEventLoopDelay } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { hashPassword, PASSWORD_HASH_CONCURRENCY } from "../../lib/auth/password";

const HASHES = Number(process.env.BENCH_HASHES ?? 50);

async function measure(name: string, hashOne: (password: string) => Promise<string>) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  await Promise.all(Array.from({ length: HASHES }, (_, i) => hashOne(`bench password ${i}`)));
  const wallMs = performance.now() - started;
  histogram.disable();
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(`${name.padEnd(34)} wall ${wallMs.toFixed(0).padStart(6)} ms   event loop max ${ms(histogram.max).padStart(7)} ms   p99 ${ms(histogram.percentile(99)).padStart(7)} ms`);
}

console.log(`${HASHES} parallel password hashes (argon2 at most ${PASSWORD_HASH_CONCURRENCY} at once):`);
// bcrypt cost 10 as lib/auth/password.ts used it before argon2id.
await measure("bcryptjs cost 10 (before)", (password) => bcrypt.hash(password, 10));
await measure("argon2id m=19MiB t=2 (now)", hashPassword);
