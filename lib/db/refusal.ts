import "server-only";
import { Prisma } from "./generated/client";
import type { Db, Tx } from "./client";

// Expected refusals, one way for every service. A service answers a user's mistake or a lost
// race with a result, never an exception; but a refusal found *inside* a transaction must roll
// it back, which only a throw does. `refusableTransaction` hands the callback a `refuse` that
// throws the result and returns it, typed, once the transaction has rolled back.

/** What every service's refusal looks like; `reason` is the service's own code. */
export interface Refusal<R extends string = string> {
  ok: false;
  reason: R;
  /** Form-level message; may be "" when the field errors say everything. */
  message: string;
  /** Messages keyed by the form's dotted path ("fullTime.0.graduatedOn"). */
  fieldErrors?: Record<string, string>;
}

/** A refusal shown at one field of the form, with nothing above it. */
export function fieldRefusal<R extends string>(
  reason: R,
  field: string,
  message: string,
): Refusal<R> & { fieldErrors: Record<string, string> } {
  return { ok: false, reason, message: "", fieldErrors: { [field]: message } };
}

/** Carries a refusal out of a transaction callback. Private: only `refuse` throws it. */
class RefusalThrown<T> extends Error {
  constructor(readonly result: T) {
    super("refused");
  }
}

export interface RefusableOptions<T> {
  /** A unique index decided a race (P2002): answer with this instead of a server error. */
  onUniqueViolation?: (error: Prisma.PrismaClientKnownRequestError) => T | Promise<T>;
  /**
   * Only a violation of an index covering this field is the race `onUniqueViolation` answers;
   * any other unique index failing is a bug and stays an error.
   */
  uniqueOn?: string;
  /** The transaction's own time bound (ms), where the client's default is too short. */
  timeout?: number;
}

/**
 * `db.$transaction(work)` where `work` may call `refuse(result)` to roll back and answer
 * `result`. T is the service's result union, refusals included.
 */
export async function refusableTransaction<T>(
  db: Db,
  work: (tx: Tx, refuse: (result: T) => never) => Promise<T>,
  options: RefusableOptions<T> = {},
): Promise<T> {
  const refuse = (result: T): never => {
    throw new RefusalThrown(result);
  };
  const { timeout } = options;
  try {
    return await db.$transaction(
      (tx) => work(tx, refuse),
      timeout === undefined ? undefined : { timeout },
    );
  } catch (error) {
    if (error instanceof RefusalThrown) return error.result as T;
    if (options.onUniqueViolation && isUniqueViolation(error, options.uniqueOn)) {
      return options.onUniqueViolation(error);
    }
    throw error;
  }
}

/**
 * The fields of the unique index a P2002 names. Prisma 7 with @prisma/adapter-pg reports no
 * `target`; it passes on the adapter's `constraint`: `{ index: "Person_phone_key" }` when
 * PostgreSQL names the index (it always does for an index Prisma made: "<Model>_<fields>_key"),
 * or `{ fields: [...] }` read from the error's detail otherwise. Verified on PGlite and
 * PostgreSQL by tests/integration/db/refusal.test.ts.
 */
function uniqueFields(meta: Record<string, unknown> = {}): string[] {
  const { target, modelName, driverAdapterError } = meta;
  if (Array.isArray(target)) return target.map(String); // the query engine without an adapter
  const cause = (driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
  const fields = cause?.constraint?.fields;
  if (Array.isArray(fields)) return fields.map((f) => String(f).replaceAll('"', ""));
  const index = cause?.constraint?.index ?? target;
  if (typeof index !== "string") return [];
  const table = `${String(cause?.table ?? modelName)}_`;
  const name = index.startsWith(table) ? index.slice(table.length) : index;
  return name.replace(/_key$/, "").split("_");
}

interface AdapterCause {
  constraint?: { fields?: unknown; index?: unknown };
  table?: unknown;
}

/**
 * Whether `error` is a unique-index violation (P2002), optionally of an index on `field` (a
 * Prisma field name, e.g. "phone"; one of the index's fields for a compound index).
 */
export function isUniqueViolation(
  error: unknown,
  field?: string,
): error is Prisma.PrismaClientKnownRequestError {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return false;
  }
  return field === undefined || uniqueFields(error.meta).includes(field);
}
