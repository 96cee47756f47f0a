// The layers' import rules (docs/architecture.md): app → components → lib, app/api → lib,
// inngest → lib; lib/ reaches nothing above it, and only its two adapter folders touch the web
// framework (lib/web: Next.js sessions, server actions, the request's language; lib/api: the
// gateway's Request in, Response out).
import fs from "node:fs";
import path from "node:path";

export interface SourceFile {
  /** Repository-relative, with forward slashes: "lib/orders/create-payin.ts". */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  detail: string;
}

const FRAMEWORK = /^(next|next-auth|react|react-dom)(\/|$)/;
const WEB_ADAPTERS = ["lib/web/"];
const HTTP_ADAPTERS = ["lib/web/", "lib/api/"];

interface Rule {
  name: string;
  /** Files the rule applies to. */
  applies: (file: string) => boolean;
  /** Whether importing `target` (a repository path such as "app/…", or a package name) breaks it. */
  forbids: (target: string) => boolean;
}

const under = (...dirs: string[]) => (file: string) => dirs.some((dir) => file.startsWith(dir));
const isPackage = (target: string) => !target.includes("/") || !/^(app|components|lib|inngest|test|e2e|scripts|prisma)\//.test(target);

export const RULES: readonly Rule[] = [
  { name: "lib imports nothing above it", applies: under("lib/"), forbids: (t) => /^(app|components|inngest|test|e2e|scripts)\//.test(t) },
  {
    name: "lib is framework-free outside lib/web",
    applies: (f) => f.startsWith("lib/") && !WEB_ADAPTERS.some((dir) => f.startsWith(dir)),
    forbids: (t) => isPackage(t) && FRAMEWORK.test(t),
  },
  { name: "components import lib only", applies: under("components/"), forbids: (t) => /^(app|inngest)\//.test(t) },
  { name: "inngest imports lib only", applies: under("inngest/"), forbids: (t) => /^(app|components)\//.test(t) },
  { name: "the gateway API imports lib only", applies: under("app/api/"), forbids: (t) => /^components\//.test(t) },
];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])([^"'\n]+)\1/gm;
const RESPONSE = /\bnew Response\(|\bResponse\.(json|redirect)\(|\bNextResponse\b/;

/** "@/lib/x" → "lib/x"; "./y" from "lib/x/z.ts" → "lib/x/y"; a package stays its name. */
export function importTarget(file: string, specifier: string): string {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return specifier;
}

export function findViolations(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const lineOf = (index: number) => file.text.slice(0, index).split("\n").length;
    for (const match of file.text.matchAll(IMPORT)) {
      const target = importTarget(file.path, match[2]);
      for (const rule of RULES) {
        if (rule.applies(file.path) && rule.forbids(target)) {
          violations.push({ file: file.path, line: lineOf(match.index), rule: rule.name, detail: `imports ${match[2]}` });
        }
      }
    }
    if (file.path.startsWith("lib/") && !HTTP_ADAPTERS.some((dir) => file.path.startsWith(dir)) && !file.path.endsWith(".test.ts")) {
      const response = RESPONSE.exec(file.text);
      if (response) violations.push({ file: file.path, line: lineOf(response.index), rule: "only lib/web and lib/api speak HTTP", detail: `builds a Response (${response[0]})` });
    }
  }
  return violations;
}

/** Every TypeScript source under the layered folders, as the checker reads it. */
export function readSourceTree(root: string, dirs = ["app", "components", "lib", "inngest"]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel !== "lib/generated") walk(rel);
      } else if (/\.(ts|tsx)$/.test(entry.name)) {
        files.push({ path: rel, text: fs.readFileSync(path.join(root, rel), "utf8") });
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line} ${v.detail} — ${v.rule}`;
}
