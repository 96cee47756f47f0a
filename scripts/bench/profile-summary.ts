// npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]
// Where a V8 CPU profile (node --cpu-prof; `BENCH_PROFILE=1 npm run bench` writes one of
// the app server) spent its time: self time by package or area, and the top functions.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

/** A coarse area for a script URL: the npm package, our own folder, or Node's internals. */
function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const ours = url.match(/\/(lib|app|components|inngest)\/[^/]+/);
  if (ours) return ours[0].slice(1);
  if (url.includes("/.next/") || url.includes("/chunks/")) return "(next chunks)";
  return url.split("/").slice(-2).join("/");
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const a = area(url, functionName);
  byArea.set(a, (byArea.get(a) ?? 0) + micros);
  const key = `${functionName || "(anonymous)"} ${a}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}

const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log("\nself time by area");
for (const [name, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(micros)}  ${name}`);
console.log("\nself time by function");
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(micros)}  ${name}`);

// Total (inclusive) time by function: its own time plus its callees', each sample counted once
// per function however deep the recursion, so a handler's whole cost shows on one line.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const keyOf = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${area(node.callFrame.url, node.callFrame.functionName)}:${node.callFrame.lineNumber + 1}`;
const inclusive = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = keyOf(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
}
console.log("\ntotal time by function (with callees)");
for (const [name, micros] of [...inclusive].filter(([name]) => !name.startsWith("(root)")).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 60))) console.log(`  ${pct(micros)}  ${name}`);
