import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { splitSqlScript } from "./split-sql";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/**
 * Prisma 7's migrate commands need a native schema engine that cannot be downloaded here, so
 * this drives the same engine compiled to wasm (@prisma/schema-engine-wasm) through the pg
 * driver adapter. Migrations keep Prisma's standard layout and `_prisma_migrations` table, so
 * `prisma migrate deploy` works unchanged wherever the native engine is available.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
const require = createRequire(import.meta.url);

// The schema describer reads catalog columns of type "char" (oid 18), e.g.
// pg_constraint.contype, which adapter-pg cannot map. Report them as the adapter's Character
// type, the way the native engine sees them.
const PG_CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = ColumnTypeEnum.Character;
type Queryable = {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  performIO(query: object): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
};
const charColumns = new WeakMap<object, number[]>();
let queryablePatched = false;

function patchQueryable(adapter: object) {
  if (queryablePatched) return;
  queryablePatched = true;
  // performIO and queryRaw live on the base class shared by the adapter and its transactions.
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  const { performIO, queryRaw } = proto as Queryable;
  proto.performIO = async function (this: Queryable, query: object) {
    const result = await performIO.call(this, query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };
  proto.queryRaw = async function (this: Queryable, query: object) {
    const result = await queryRaw.call(this, query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  // A migration's statements one by one, as adapter-pg runs them, but split by a splitter that
  // knows strings, comments and dollar quotes (PL/pgSQL function bodies contain semicolons).
  let scriptProto = Object.getPrototypeOf(adapter);
  while (scriptProto && !Object.hasOwn(scriptProto, "executeScript")) scriptProto = Object.getPrototypeOf(scriptProto);
  if (!scriptProto) throw new Error("@prisma/adapter-pg has no executeScript to patch");
  scriptProto.executeScript = async function (this: Queryable, script: string) {
    for (const statement of splitSqlScript(script)) {
      try {
        await this.client.query(statement);
      } catch (error) {
        this.onError(error);
      }
    }
  };
}

function migrationAdapter(databaseUrl: string, pool: pg.Pool) {
  const factory = new PrismaPg(pool);
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      patchQueryable(adapter);
      return adapter;
    },
    connectToShadowDb: () => {
      throw new Error(`The wasm schema engine cannot use a shadow database; diff against ${databaseUrl} instead.`);
    },
  });
}

type WasmEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

// The wasm module reports Rust panics through this global before it traps.
const panicRegistry = { message: "", set_message(message: string) { this.message = message; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

type Bindings = { SchemaEngine: { new: (...args: unknown[]) => Promise<WasmEngine> } };
let bindings: Promise<Bindings> | undefined;

// The wasm-bindgen glue is a module singleton with caches tied to one wasm instance, so the
// module is instantiated once per process and shared by every engine.
function loadBindings(): Promise<Bindings> {
  bindings ??= instantiateBindings();
  return bindings;
}

async function instantiateBindings(): Promise<Bindings> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  let memory: WebAssembly.Memory | undefined;
  const imports: Record<string, unknown> = { ...bg };
  // The generated glue decodes panic messages strictly; decode leniently so a panic is readable.
  for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_set_message_"))) {
    imports[name] = (ptr: number, len: number) =>
      panicRegistry.set_message(new TextDecoder("utf-8", { fatal: false }).decode(new Uint8Array(memory!.buffer, ptr >>> 0, len)));
  }
  // The engine's timers (connection housekeeping) must not keep a finished CLI alive.
  for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    const original = bg[name] as (...args: unknown[]) => { unref?: () => void };
    imports[name] = (...args: unknown[]) => {
      const timer = original(...args);
      timer?.unref?.();
      return timer;
    };
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  memory = instance.exports.memory as WebAssembly.Memory;
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg as Bindings;
}

async function loadEngine(databaseUrl: string, onLog: (text: string) => void = () => {}) {
  const bg = await loadBindings();

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = migrationAdapter(databaseUrl, pool);
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const engine: WasmEngine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    onLog,
    adapter,
  );
  return {
    engine,
    schema,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

function migrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Applies every pending migration in prisma/migrations; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await loadEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(), filters: NO_FILTER });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * SQL that takes the database (with all migrations applied) to prisma/schema.prisma;
 * empty when they already match.
 */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  const { engine, schema, close } = await loadEngine(databaseUrl);
  try {
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: ROOT },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTER,
    });
    return stdout ?? "";
  } finally {
    await close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; null when nothing changed. */
export function writeMigration(name: string, sql: string): string | null {
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
