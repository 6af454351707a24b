import "server-only";
import {
  type CollectionSnapshot,
  parseSnapshot,
  snapshotPerson,
} from "@/lib/collection/archive-service";
import { attachmentRefs } from "@/lib/collection/draft-service";
import { diffSnapshots } from "@/lib/change/diff";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { regionName } from "@/lib/region/divisions";
import { transferredSteps } from "./in-snapshot";

// Someone coming back: their archive stayed here, read-only, after they transferred out (已调出),
// and now their file returns with its changes from the other platform. The received file becomes
// the archive's next version (channel "transfer-in", the changes listed like 信息变更's) instead
// of a new collection — same archive number, the history kept — and the person may change or
// transfer again from there. A file the received record refers to but that did not arrive intact
// is kept from the version before, as is the whole record when the other platform's could not be
// read: nothing the person had is lost. (Every file that travelled is new here — each platform
// re-encodes what it receives — so the change list names the files too.)

export interface ReturningArchive {
  id: string;
  currentVersion: number;
}

const regionLabel = (code: string) => regionName(code) ?? code;

/** Appends the version in the caller's transaction (whose audit row names it). */
export async function appendTransferredVersion(
  tx: Tx,
  input: {
    archive: ReturningArchive;
    personId: string;
    transferId: string;
    regionCode: string;
    /** the exchange's snapshot, or null when it could not be read */
    snapshot: CollectionSnapshot | null;
    /** the received files' ids here, by role */
    received: ReadonlyMap<string, string>;
    now: Date;
  },
): Promise<{ version: number; versionId: string; fields: string[] }> {
  const { archive, personId, regionCode, now } = input;
  const previous = await tx.archiveVersion.findUniqueOrThrow({
    where: { archiveId_version: { archiveId: archive.id, version: archive.currentVersion } },
    select: { snapshot: true, attachments: { select: { role: true, attachmentId: true } } },
  });
  const before = parseSnapshot(previous.snapshot);
  const source = input.snapshot ?? before;
  const kept = new Map(previous.attachments.map((a) => [a.role, a.attachmentId]));
  // Only the files the record refers to: one it dropped (a 学生证 no longer needed) stays behind.
  const ids = new Map<string, string>();
  for (const { role } of attachmentRefs(source as unknown as Record<string, unknown>)) {
    const id = input.received.get(role) ?? kept.get(role);
    if (id) ids.set(role, id);
  }
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: { name: true, idType: true, idNumberMasked: true, gender: true, birthYear: true },
  });
  const after: CollectionSnapshot = {
    person: snapshotPerson(person),
    ...transferredSteps(source, ids, regionCode),
  };
  const changes = diffSnapshots(before, after, { regionLabel });
  const version = archive.currentVersion + 1;
  const refs = attachmentRefs(after as unknown as Record<string, unknown>);
  await tx.archive.update({
    where: { id: archive.id },
    data: { currentVersion: version, regionCode },
  });
  const created = await tx.archiveVersion.create({
    data: {
      archiveId: archive.id,
      version,
      snapshot: after as unknown as Prisma.InputJsonObject,
      channel: "transfer-in",
      actorType: "system",
      regionCode,
      createdAt: now,
      changes: changes as unknown as Prisma.InputJsonArray,
      attachments: { create: refs.map((r) => ({ role: r.role, attachmentId: r.id })) },
    },
    select: { id: true },
  });
  return { version, versionId: created.id, fields: changes.map((c) => c.path) };
}
