// npm run bench:passwords — how much 50 parallel sign-in hashes stall the event loop: bcryptjs
// (pure JavaScript, the hash used before) against argon2id through lib/auth/password.ts
// (@node-rs/argon2 on libuv's threads, at most PASSWORD_HASH_CONCURRENCY at once). Prints the
// longest and the p99 gap between ticks of a 1 ms timer (what a request arriving meanwhile
// would wait) and the wall time of each. A timer's own gaps, not perf_hooks'
// monitorEventLoopDelay: that histogram records nothing while the loop is blocked throughout.
// Numbers only, no assertions. No database needed.
//   BENCH_HASHES (default 50) parallel hashes per run.
import bcrypt from "bcryptjs";
import { hashPassword, PASSWORD_HASH_CONCURRENCY } from "../../lib/auth/password";

const HASHES = Number(process.env.BENCH_HASHES ?? 50);

async function measure(name: string, hashOne: (password: string) => Promise<string>) {
  const gaps: number[] = [];
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await Promise.all(Array.from({ length: HASHES }, (_, i) => hashOne(`bench password ${i}`)));
  const wallMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5)); // the gap that ends with the work
  clearInterval(probe);
  gaps.sort((a, b) => a - b);
  const max = gaps.at(-1) ?? 0;
  const p99 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.99))] ?? 0;
  console.log(`${name.padEnd(34)} wall ${wallMs.toFixed(0).padStart(6)} ms   longest stall ${max.toFixed(1).padStart(7)} ms   p99 ${p99.toFixed(1).padStart(7)} ms`);
}

console.log(`${HASHES} parallel password hashes (argon2 at most ${PASSWORD_HASH_CONCURRENCY} at once):`);
// bcrypt cost 10 as lib/auth/password.ts used it before argon2id.
await measure("bcryptjs cost 10 (before)", (password) => bcrypt.hash(password, 10));
await measure("argon2id m=19MiB t=2 (now)", hashPassword);
