import { describe, expect, it } from "vitest";
import { splitSqlScript } from "./split-sql";

describe("splitSqlScript", () => {
  it("splits at the semicolons that end statements", () => {
    expect(splitSqlScript("CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);\n")).toEqual(["CREATE TABLE a (x int)", "INSERT INTO a VALUES (1)"]);
  });

  it("keeps semicolons inside strings, identifiers, comments and dollar-quoted bodies", () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('c', 'a;b');
  RETURN NEW;
END
$fn$`;
    const script = [
      "-- a comment; with a semicolon",
      "INSERT INTO t (\"odd;name\") VALUES ('it''s; fine', E'back\\\\'';slash')",
      ";",
      "/* block; /* nested; */ still; */ SELECT 1;",
      `${fn};`,
      "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$;",
      "SELECT '$notadollar;' AS x;",
    ].join("\n");
    expect(splitSqlScript(script)).toEqual([
      "-- a comment; with a semicolon\nINSERT INTO t (\"odd;name\") VALUES ('it''s; fine', E'back\\\\'';slash')",
      "/* block; /* nested; */ still; */ SELECT 1",
      fn,
      "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$",
      "SELECT '$notadollar;' AS x",
    ]);
  });

  it("drops statements that are only comments", () => {
    expect(splitSqlScript("SELECT 1;\n-- trailing note\n")).toEqual(["SELECT 1"]);
  });
});
