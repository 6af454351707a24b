// Prisma's WebAssembly schema engine, driven offline against in-memory PGlite databases.
//
// Why: every Prisma CLI command tries to download the native schema-engine binary, which is not
// reachable from these machines. The same engine ships as WebAssembly:
//   - the .wasm: node_modules/prisma/build/schema_engine_bg.wasm (the CLI's own build, so the SQL
//     we generate is what `prisma migrate dev` of this Prisma version would generate); if it is
//     missing we fall back to the .wasm inside @prisma/schema-engine-wasm;
//   - the wasm-bindgen JS glue: @prisma/schema-engine-wasm/schema_engine_bg (the CLI bundles no
//     glue). Version 8.1.0-2.59be4fda… has a glue whose imports/exports match the CLI 7.10.1 wasm
//     exactly (checked by name: every `__wbg_*` import hash is present); the pinned version in
//     package.json must be re-checked when Prisma is upgraded — `loadSchemaEngine` verifies it at
//     run time and says so if it no longer matches.
//
// The engine talks to databases only through a driver adapter. Ours wraps PGlite in-process:
// adapter-pg cannot be used (it refuses pg_catalog's "char" type, its executeScript splits on
// every `;` and so breaks PL/pgSQL bodies, and its shadow-database handling needs CREATE DATABASE).
import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite, types as pgTypes, messages as pgMessages } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ColumnType,
  type ErrorRegistry,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Loading the engine

/** Subset of the engine's API (types in @prisma/schema-engine-wasm/schema_engine.d.ts). */
export interface SchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface SchemaEngineClass {
  new: (
    options: { datamodels: [string, string][] | undefined },
    log: (msg: string) => void,
    adapter: object,
  ) => Promise<SchemaEngine>;
}

let engineClass: SchemaEngineClass | undefined;

export function schemaEngineWasmPath(): string {
  const cliWasm = path.join(
    path.dirname(require.resolve("prisma/package.json")),
    "build",
    "schema_engine_bg.wasm",
  );
  if (existsSync(cliWasm)) return cliWasm;
  return path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/package.json")),
    "schema_engine_bg.wasm",
  );
}

export async function loadSchemaEngine(): Promise<SchemaEngineClass> {
  if (engineClass) return engineClass;
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Record<
    string,
    unknown
  > & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
    SchemaEngine: SchemaEngineClass;
  };
  const wasmPath = schemaEngineWasmPath();
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const missing = WebAssembly.Module.imports(wasmModule)
    .map((i) => i.name)
    .filter((name) => typeof glue[name] !== "function");
  if (missing.length > 0) {
    throw new Error(
      `${wasmPath} does not match the JS glue of @prisma/schema-engine-wasm (missing imports: ${missing.slice(0, 3).join(", ")}…). ` +
        "Pin @prisma/schema-engine-wasm to a version whose glue matches the installed prisma CLI (see scripts/db/schema-engine.ts).",
    );
  }
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": glue as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  engineClass = glue.SchemaEngine;
  return engineClass;
}

// ---------------------------------------------------------------------------------------------
// A driver adapter over an in-process PGlite

const T = pgTypes;
const identity = (x: string) => x;
// Values we hand to the engine as the text PostgreSQL sent (the engine parses them itself),
// normalised the way @prisma/adapter-pg does.
const rawParsers: Record<number, (x: string) => unknown> = {
  [T.INT8]: identity,
  [T.NUMERIC]: identity,
  [T.DATE]: identity,
  [T.TIME]: identity,
  [T.TIMETZ]: (x) => x.replace(/[+-]\d{2}(:\d{2})?$/, ""),
  [T.TIMESTAMP]: (x) => `${x.replace(" ", "T")}+00:00`,
  [T.TIMESTAMPTZ]: (x) => x.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00"),
  [T.JSON]: identity,
  [T.JSONB]: identity,
  [T.BYTEA]: (x) => Uint8Array.from(Buffer.from(x.slice(2), "hex")),
};

const ARRAY_TYPES: Record<number, ColumnType> = {
  1000: ColumnTypeEnum.BooleanArray,
  1002: ColumnTypeEnum.CharacterArray,
  1003: ColumnTypeEnum.TextArray, // name[]
  1005: ColumnTypeEnum.Int32Array,
  1007: ColumnTypeEnum.Int32Array,
  1009: ColumnTypeEnum.TextArray,
  1014: ColumnTypeEnum.TextArray,
  1015: ColumnTypeEnum.TextArray,
  1016: ColumnTypeEnum.Int64Array,
  1021: ColumnTypeEnum.FloatArray,
  1022: ColumnTypeEnum.DoubleArray,
  1028: ColumnTypeEnum.Int64Array,
  1182: ColumnTypeEnum.DateArray,
  1115: ColumnTypeEnum.DateTimeArray,
  1185: ColumnTypeEnum.DateTimeArray,
  1231: ColumnTypeEnum.NumericArray,
  2951: ColumnTypeEnum.UuidArray,
  3807: ColumnTypeEnum.JsonArray,
  199: ColumnTypeEnum.JsonArray,
};

function columnType(oid: number): ColumnType {
  switch (oid) {
    case T.INT2:
    case T.INT4:
      return ColumnTypeEnum.Int32;
    case T.INT8:
    case T.OID:
      return ColumnTypeEnum.Int64;
    case T.FLOAT4:
      return ColumnTypeEnum.Float;
    case T.FLOAT8:
      return ColumnTypeEnum.Double;
    case T.BOOL:
      return ColumnTypeEnum.Boolean;
    case T.DATE:
      return ColumnTypeEnum.Date;
    case T.TIME:
    case T.TIMETZ:
      return ColumnTypeEnum.Time;
    case T.TIMESTAMP:
    case T.TIMESTAMPTZ:
      return ColumnTypeEnum.DateTime;
    case T.NUMERIC:
      return ColumnTypeEnum.Numeric;
    case T.JSON:
    case T.JSONB:
      return ColumnTypeEnum.Json;
    case T.UUID:
      return ColumnTypeEnum.Uuid;
    case T.BYTEA:
      return ColumnTypeEnum.Bytes;
    case T.CHAR: // pg_catalog's internal "char" (OID 18), used all over the catalogs
      return ColumnTypeEnum.Character;
    default:
      // text, varchar, name, regclass, pg_node_tree, int2vector, enums, … : the text form
      return ARRAY_TYPES[oid] ?? ColumnTypeEnum.Text;
  }
}

function mapArg(arg: unknown, argType: SqlQuery["argTypes"][number] | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg) && argType?.arity === "list") return arg.map((v) => mapArg(v, argType));
  if (typeof arg === "string" && argType?.scalarType === "bytes") return Buffer.from(arg, "base64");
  if (arg instanceof Date) return arg.toISOString();
  if (ArrayBuffer.isView(arg)) return new Uint8Array(arg.buffer, arg.byteOffset, arg.byteLength);
  return arg;
}

function rethrow(error: unknown): never {
  if (error instanceof pgMessages.DatabaseError) {
    throw new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "N/A",
      severity: error.severity ?? "N/A",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
      originalCode: error.code,
      originalMessage: error.message,
    });
  }
  throw error;
}

/** PGlite takes seconds to initdb: open it on first use (diff never touches the main database). */
type PgliteSource = () => Promise<PGlite>;

class PgliteQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = "kuaiji-pglite-migrate";
  constructor(protected readonly pg: PgliteSource) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      const res = await (
        await this.pg()
      ).query<unknown[]>(
        query.sql,
        query.args.map((a, i) => mapArg(a, query.argTypes[i])),
        { rowMode: "array", parsers: rawParsers },
      );
      return {
        columnNames: res.fields.map((f) => f.name),
        columnTypes: res.fields.map((f) => columnType(f.dataTypeID)),
        rows: res.rows,
      };
    } catch (e) {
      rethrow(e);
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      const res = await (
        await this.pg()
      ).query(
        query.sql,
        query.args.map((a, i) => mapArg(a, query.argTypes[i])),
      );
      return res.affectedRows ?? 0;
    } catch (e) {
      rethrow(e);
    }
  }
}

class PgliteTransaction extends PgliteQueryable implements Transaction {
  readonly options = { usePhantomQuery: false };
  async commit() {
    await (await this.pg()).exec("COMMIT");
  }
  async rollback() {
    await (await this.pg()).exec("ROLLBACK");
  }
}

class PgliteAdapter extends PgliteQueryable implements SqlDriverAdapter {
  constructor(
    pg: PgliteSource,
    private readonly onDispose: () => Promise<void>,
  ) {
    super(pg);
  }
  async executeScript(script: string): Promise<void> {
    try {
      await (await this.pg()).exec(script);
    } catch (e) {
      rethrow(e);
    }
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // PGlite is a single session and the engine is sequential: a plain BEGIN is enough.
    await (
      await this.pg()
    ).exec(isolationLevel ? `BEGIN ISOLATION LEVEL ${isolationLevel}` : "BEGIN");
    return new PgliteTransaction(this.pg);
  }
  getConnectionInfo() {
    return { supportsRelationJoins: true };
  }
  async dispose() {
    await this.onDispose();
  }
}

/**
 * Adapter factory whose main and shadow databases are fresh in-memory PGlites. The first one pays
 * for initdb (several seconds); later ones start from a dump of that pristine cluster (~1 s).
 */
function inMemoryPgliteFactory(): SqlMigrationAwareDriverAdapterFactory & {
  closeAll(): Promise<void>;
} {
  const open = new Set<Promise<PGlite>>();
  let pristine: Promise<File | Blob> | undefined;
  const boot = async (): Promise<PGlite> => {
    if (!pristine) {
      const pg = new PGlite();
      pristine = pg.waitReady.then(() => pg.dumpDataDir("none"));
      await pristine;
      return pg;
    }
    const pg = new PGlite({ loadDataDir: await pristine });
    await pg.waitReady;
    return pg;
  };
  const make = async () => {
    let instance: Promise<PGlite> | undefined;
    const source: PgliteSource = () => {
      if (!instance) {
        instance = boot();
        open.add(instance);
      }
      return instance;
    };
    return new PgliteAdapter(source, async () => {
      if (instance && open.delete(instance)) await (await instance).close();
    });
  };
  return {
    provider: "postgres",
    adapterName: "kuaiji-pglite-migrate",
    connect: make,
    connectToShadowDb: make,
    async closeAll() {
      for (const p of [...open]) {
        open.delete(p);
        await (await p).close();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Migrations folder in the shape the engine expects

export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: "ok" | "error"; value: string } };
  }[];
}

export const MIGRATION_LOCK_TOML = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

export function readMigrationList(migrationsDir: string): MigrationList {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir)
        .filter((d) => statSync(path.join(baseDir, d)).isDirectory())
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(baseDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} not found` },
        },
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The one operation we need: SQL taking (migrations applied to a shadow DB) to (schema)

function explain(error: unknown, registry: ErrorRegistry): Error {
  const message = error instanceof Error ? error.message : String(error);
  const m = /External error id#(\d+)/.exec(message);
  if (m) {
    const record = registry.consumeError(Number(m[1]));
    const inner = record?.error as { cause?: { message?: string }; message?: string } | undefined;
    const detail = inner?.cause?.message ?? inner?.message ?? JSON.stringify(record?.error);
    return new Error(`${message}: ${detail}`, { cause: record?.error });
  }
  return error instanceof Error ? error : new Error(message);
}

/**
 * The SQL script that brings a database holding every migration in `migrationsDir` to the state
 * `schemaPath` describes; "" when they already agree. Runs fully offline.
 */
export async function diffMigrationsToSchema(opts: {
  migrationsDir: string;
  schemaPath: string;
}): Promise<string> {
  const SchemaEngine = await loadSchemaEngine();
  const schemaPath = path.resolve(opts.schemaPath);
  const schema = { files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
  const factory = inMemoryPgliteFactory();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new(
      { datamodels: [[schemaPath, schema.files[0]!.content]] },
      (msg) => logs.push(msg),
      bound,
    );
    const list = readMigrationList(opts.migrationsDir);
    // The engine learns the connector from migration_lock.toml; a folder without one is ours.
    list.lockfile.content ??= MIGRATION_LOCK_TOML;
    const result = await engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "" || /^-- This is an empty migration\.?$/.test(sql) ? "" : `${sql}\n`;
  } catch (e) {
    const err = explain(e, bound.errorRegistry);
    if (process.env.DEBUG_SCHEMA_ENGINE && logs.length) console.error(logs.join("\n"));
    throw err;
  } finally {
    engine?.free();
    await factory.closeAll();
  }
}
