import "server-only";
import { pruneAppealDrafts } from "@/lib/appeal/prune-drafts";
import { archiveAuditRows } from "@/lib/audit/retention";
import { pruneExpired } from "./prune-expired";
import { sweepUploadObjects } from "./sweep-upload-objects";
import { sweepUploadOrphans } from "./sweep-upload-orphans";
import {
  deliverOutbox,
  importReceivedFiles,
  reviewTransfersIn,
  reviewTransfersOut,
} from "@/lib/transfer/jobs";
import { recomputeDueStats } from "@/lib/stats/recompute";
import type { JobDefinition } from "./types";

// Every durable job, one line each: name (the pg-boss queue, never renamed), when pg-boss runs it
// (cron, Beijing time) and the handler (types.ts: does what is due at ctx.now). pg-boss workers
// (worker.ts), `npm run jobs` and /api/jobs/run all read this list; nothing else needs changing to
// add a job. See CONTRIBUTING.md, "Jobs".
export const JOBS: readonly JobDefinition[] = [
  { name: "prune-expired", schedule: "7,37 * * * *", handler: pruneExpired },
  { name: "upload-orphan-sweep", schedule: "23 * * * *", handler: sweepUploadOrphans },
  // daily: it lists the store (lib/upload/object-sweep.ts), and a month stays settled for weeks
  { name: "upload-object-sweep", schedule: "53 3 * * *", handler: sweepUploadObjects },
  { name: "exchange-outbox", schedule: "* * * * *", handler: deliverOutbox },
  { name: "transfer-review-out", schedule: "*/5 * * * *", handler: reviewTransfersOut },
  { name: "transfer-review-in", schedule: "*/5 * * * *", handler: reviewTransfersIn },
  { name: "transfer-import-in", schedule: "*/10 * * * *", handler: importReceivedFiles },
  // every minute: the handler recomputes only counts older than KUAIJI_STATS_INTERVAL_MINUTES
  { name: "region-stats", schedule: "* * * * *", handler: recomputeDueStats },
  { name: "audit-archive", schedule: "41 * * * *", handler: archiveAuditRows },
  { name: "appeal-draft-prune", schedule: "17 * * * *", handler: pruneAppealDrafts },
];
