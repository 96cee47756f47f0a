/**
 * A migration script split into its statements at the semicolons that end them: not inside
 * a string ('…', E'…'), a quoted identifier ("…"), a comment (-- …, nested /* … *\/) or a
 * dollar-quoted body ($$ … $$, $fn$ … $fn$), so migrations may define PL/pgSQL functions and
 * triggers. @prisma/adapter-pg's own executeScript splits on every ';'.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (script[i] === "/" && script[i + 1] === "*") (depth += 1), (i += 2);
        else if (script[i] === "*" && script[i + 1] === "/") (depth -= 1), (i += 2);
        else i += 1;
      }
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote; E'…' strings may also escape with a backslash.
      const escapes = c === "'" && /[eE]$/.test(script.slice(Math.max(0, i - 1), i)) && !/\w/.test(script[i - 2] ?? "");
      i += 1;
      while (i < n) {
        if (escapes && script[i] === "\\") i += 2;
        else if (script[i] === c && script[i + 1] === c) i += 2;
        else if (script[i] === c) break;
        else i += 1;
      }
      i += 1;
    } else if (c === "$" && !/[\w$]/.test(script[i - 1] ?? "")) {
      const tag = /^\$(?:[A-Za-z_][\w]*)?\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else {
        i += 1;
      }
    } else if (c === ";") {
      statements.push(script.slice(start, i));
      i += 1;
      start = i;
    } else {
      i += 1;
    }
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement && !isOnlyComments(statement));
}

function isOnlyComments(statement: string): boolean {
  return statement.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "").trim() === "";
}
