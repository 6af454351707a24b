import type { Db, Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";

/**
 * `db` whose transactions roll back after their work has run, as a COMMIT that fails would
 * (a lost connection, a serialization failure): for code that must act only on a commit.
 */
export function failingCommits(): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") {
        return (work: (tx: Tx) => Promise<unknown>) =>
          target.$transaction(async (tx) => {
            await work(tx);
            throw new Error("commit failed");
          });
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
