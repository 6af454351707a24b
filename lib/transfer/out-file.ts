import "server-only";
import { parseSnapshot } from "@/lib/collection/archive-service";
import type { Db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-cipher";
import type { SubmitTransfer } from "@/lib/exchange/messages";
import { regionName } from "@/lib/region/divisions";
import type { ObjectStorage } from "@/lib/storage/types";

// The file that leaves with an approved 调出申请 (issue 10: "attachments travel with the file"):
// the person's identity, the archive at its current version and every file it refers to, plus
// the application's 调转附件 (role "transfer.proof.N") so the destination's staff see the proof.
// Built before the approval's transaction: it reads object storage, which no transaction covers;
// the person is locked against edits while the application is open, so nothing changes between.

export const FILE_UNREADABLE = "档案附件无法读取，请联系财政部门处理";
export const NOT_COLLECTED_ANY_MORE = "信息采集记录不存在";

type Outbound = Omit<SubmitTransfer["transfer"], "approvedAt">;

async function readAll(storage: ObjectStorage, key: string): Promise<Buffer | null> {
  const object = await storage.get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function outboundTransfer(
  db: Db,
  storage: ObjectStorage,
  transferId: string,
): Promise<{ ok: true; transfer: Outbound } | { ok: false; message: string }> {
  const app = await db.transferOut.findUniqueOrThrow({
    where: { id: transferId },
    select: {
      id: true,
      destMember: true,
      destRegionCode: true,
      regionCode: true,
      attachments: { orderBy: { position: "asc" }, select: { position: true, attachment: true } },
      person: {
        select: {
          name: true,
          idType: true,
          idNumberCipher: true,
          phone: true,
          archive: { select: { id: true, currentVersion: true } },
        },
      },
    },
  });
  const archive = app.person.archive;
  if (!archive) return { ok: false, message: NOT_COLLECTED_ANY_MORE };
  const version = await db.archiveVersion.findUniqueOrThrow({
    where: { archiveId_version: { archiveId: archive.id, version: archive.currentVersion } },
    select: {
      snapshot: true,
      attachments: { select: { role: true, attachment: true } },
    },
  });
  const files = [
    ...version.attachments.map((a) => ({ role: a.role, attachment: a.attachment })),
    ...app.attachments.map((a) => ({
      role: `transfer.proof.${a.position}`,
      attachment: a.attachment,
    })),
  ];
  const attachments: Outbound["file"]["attachments"] = [];
  for (const { role, attachment } of files) {
    const bytes = await readAll(storage, attachment.storageKey);
    if (!bytes) return { ok: false, message: FILE_UNREADABLE };
    attachments.push({
      role,
      contentType: "image/jpeg",
      sha256: attachment.sha256,
      data: bytes.toString("base64"),
    });
  }
  return {
    ok: true,
    transfer: {
      id: app.id,
      destMember: app.destMember,
      destRegionCode: app.destRegionCode,
      originRegionCode: app.regionCode,
      originRegionName: regionName(app.regionCode, "") ?? app.regionCode,
      person: {
        name: app.person.name,
        idType: app.person.idType,
        idNumber: decryptField(app.person.idNumberCipher),
        // The destination checks the phone proved in 省外调入 against it (hub-lookup.ts).
        phone: app.person.phone,
      },
      file: { snapshot: { ...parseSnapshot(version.snapshot) }, attachments },
    },
  };
}
