import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildArchivePdf } from "@/lib/pdf/archive-pdf";
import { headshotForPdf } from "@/lib/pdf/headshot";
import { ceFixtures } from "../../support/ce";
import { tempStorage, tempStorageForFile } from "../../support/collection";

// 我的档案 as a PDF carries the archived 本人免冠证件照 (issue 13, 9): read as the page shows it —
// the owner's attachment through the storage layer — and re-encoded for pdfkit.

const store = tempStorageForFile();
const { collected } = ceFixtures(store);

async function headshotIdOf(personId: string): Promise<string> {
  const version = await db.archiveVersion.findFirstOrThrow({
    where: { archive: { personId } },
    orderBy: { version: "desc" },
  });
  return (version.snapshot as { personal: { headshotId: string } }).personal.headshotId;
}

describe("the archive PDF's photo", () => {
  it("is the owner's stored headshot as a baseline JPEG at the one-inch photo's size", async () => {
    const me = await collected();
    const photo = await headshotForPdf(
      db,
      me.personId,
      await headshotIdOf(me.personId),
      store.current.storage,
    );
    expect(photo).not.toBeNull();
    const meta = await sharp(photo!).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 295, height: 413, isProgressive: false });

    const pdf = await buildArchivePdf({
      archiveNumber: "44202600000001",
      version: 1,
      collectedAt: "2026-11-27 12:00",
      registered: [{ label: "姓名", value: "测试" }],
      headshot: photo,
      sections: [],
      issuedAt: new Date(),
      verification: {
        code: "7K3M-9QWX-2HDP-ZR4T",
        url: "https://kuaiji.example.gov.cn/verify#7K3M-9QWX-2HDP-ZR4T",
        pageUrl: "https://kuaiji.example.gov.cn/verify",
        issuedOn: "2026年11月28日",
        issuer: ["广东省财政厅"],
      },
      platformName: "会计人员信息服务平台",
    });
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image[\s\S]*\/Width 295/);
  });

  it("is nobody else's, and nothing without a photo or a stored file", async () => {
    const me = await collected();
    const other = await collected();
    const theirs = await headshotIdOf(other.personId);
    expect(await headshotForPdf(db, me.personId, theirs, store.current.storage)).toBeNull();
    expect(await headshotForPdf(db, me.personId, null, store.current.storage)).toBeNull();
    expect(await headshotForPdf(db, me.personId, "not-an-id", store.current.storage)).toBeNull();
    // the row exists, the object does not (another store)
    const mine = await headshotIdOf(me.personId);
    const empty = await tempStorage();
    try {
      expect(await headshotForPdf(db, me.personId, mine, empty.storage)).toBeNull();
    } finally {
      await empty.remove();
    }
  });
});
