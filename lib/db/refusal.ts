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

/** Carries a refusal out of a transaction callback. Private: only `refuse` throws it. */
class RefusalThrown<T> extends Error {
  constructor(readonly result: T) {
    super("refused");
  }
}

export interface RefusableOptions<T> {
  /** A unique index decided a race (P2002): answer with this instead of a server error. */
  onUniqueViolation?: (error: Prisma.PrismaClientKnownRequestError) => T | Promise<T>;
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
  try {
    return await db.$transaction((tx) => work(tx, refuse));
  } catch (error) {
    if (error instanceof RefusalThrown) return error.result as T;
    if (options.onUniqueViolation && isUniqueViolation(error)) {
      return options.onUniqueViolation(error);
    }
    throw error;
  }
}

/**
 * Whether `error` is a unique-index violation, optionally on an index covering `field`. With a
 * driver adapter Prisma reports the index in `meta` in more than one shape (`target`, or the
 * adapter's `constraint.fields`), so the field is looked for in all of it.
 */
export function isUniqueViolation(
  error: unknown,
  field?: string,
): error is Prisma.PrismaClientKnownRequestError {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return false;
  }
  return field === undefined || JSON.stringify(error.meta ?? {}).includes(field);
}
