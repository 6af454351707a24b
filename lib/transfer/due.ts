import "server-only";
import { logger } from "@/lib/log/logger";

/**
 * Runs a job's work on each due transfer in turn. One that fails is logged and left for the next
 * run; it never holds up the others behind it (the queues are oldest first, so a failing one would
 * otherwise be first every time).
 */
export async function forEachDue(
  ids: readonly string[],
  failure: string,
  run: (id: string) => Promise<boolean>,
): Promise<{ processed: number }> {
  let processed = 0;
  for (const id of ids) {
    try {
      if (await run(id)) processed++;
    } catch (error) {
      logger.error(
        { transferId: id, err: { type: error instanceof Error ? error.name : typeof error } },
        failure,
      );
    }
  }
  return { processed };
}
