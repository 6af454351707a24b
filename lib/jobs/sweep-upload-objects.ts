import "server-only";
import { getStorage } from "@/lib/storage/storage";
import type { ObjectStorage } from "@/lib/storage/types";
import { sweepUnreferencedObjects } from "@/lib/upload/object-sweep";
import { ORPHAN_GRACE_MS } from "./sweep-upload-orphans";
import type { JobContext, JobHandler, JobResult } from "./types";

/** The object sweep against a given object store (tests hand in a temporary one). */
export function sweepUploadObjectsIn(storage: () => ObjectStorage): JobHandler {
  return async ({ db, now, log }: JobContext): Promise<JobResult> => {
    const r = await sweepUnreferencedObjects(db, storage(), now, ORPHAN_GRACE_MS);
    if (r.failedObjects > 0) log.warn({ failedObjects: r.failedObjects }, "orphan objects left");
    return { processed: r.deleted, detail: r };
  };
}

/**
 * Objects no row names — an upload killed after its put, a sweep killed after its commit — in
 * the months that are settled (lib/upload/object-sweep.ts).
 */
export const sweepUploadObjects = sweepUploadObjectsIn(getStorage);
