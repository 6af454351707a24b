import "server-only";
import { getStorage } from "@/lib/storage/storage";
import type { ObjectStorage } from "@/lib/storage/types";
import { sweepOrphans } from "@/lib/upload/attachment-service";
import type { JobContext, JobHandler, JobResult } from "./types";

/**
 * How long an upload nothing refers to is kept before the sweep deletes it. A day: the wizard
 * saves the draft after the upload, and a person who uploads, then fills in the rest of the step
 * over lunch, must never find the photo gone.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

/** The sweep against a given object store (tests hand in a temporary one). */
export function sweepUploadOrphansIn(storage: () => ObjectStorage): JobHandler {
  return async ({ db, now, log }: JobContext): Promise<JobResult> => {
    const r = await sweepOrphans(db, storage(), new Date(now.getTime() - ORPHAN_GRACE_MS));
    // The rows are gone either way; an object that failed to delete only costs disk space.
    if (r.failedObjects > 0) log.warn({ failedObjects: r.failedObjects }, "orphan objects left");
    return { processed: r.deleted, detail: { deleted: r.deleted, failedObjects: r.failedObjects } };
  };
}

/** Abandoned and replaced uploads, past their grace period (attachment-service.ts). */
export const sweepUploadOrphans = sweepUploadOrphansIn(getStorage);
