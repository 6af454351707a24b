import { describe, expect, it } from "vitest";
import { submitCollection } from "@/lib/collection/archive-service";
import { ALREADY_COLLECTED, loadDraft, saveDraftOnly } from "@/lib/collection/draft-service";
import { openWizardStep } from "@/lib/collection/wizard-service";
import { contentBlock } from "@/lib/content/content-blocks";
import { db } from "@/lib/db/client";
import {
  ctx,
  NOW,
  personWithSession,
  saveAll,
  tempStorageForFile,
  uploadPersonalFiles,
  validSteps,
} from "../../support/collection";

const store = tempStorageForFile();

describe("opening a wizard step", () => {
  it("opens the first step, sends a later one back to where the person is, and 完成 once collected", async () => {
    const s = await personWithSession(db);
    const first = await openWizardStep(db, s.personId, "notice", NOW);
    expect(first.kind).toBe("open");
    if (first.kind !== "open") return;
    // What the browser gets to run the same schemas: today, the document, the region table.
    expect(first.context).toMatchObject({
      today: "2026-11-27",
      documentType: "RESIDENT_ID",
      nationality: "CHN",
    });
    expect(first.context.regions.cities).toHaveLength(20);
    expect(first.person.idNumberMasked).toMatch(/\*/);
    expect(JSON.stringify(first)).not.toMatch(/\d{17}[\dX]/);

    expect(await openWizardStep(db, s.personId, "work", NOW)).toEqual({
      kind: "redirect",
      to: "notice",
    });
    expect(await openWizardStep(db, s.personId, "confirm", NOW)).toEqual({
      kind: "redirect",
      to: "notice",
    });

    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const { notice, personal, education } = validSteps(files);
    await saveAll(db, s, { notice, personal, education });
    const work = await openWizardStep(db, s.personId, "work", NOW);
    expect(work.kind).toBe("open");
    // Going back is always allowed; 完成 is never "opened" before submit.
    expect((await openWizardStep(db, s.personId, "notice", NOW)).kind).toBe("open");
    expect(await openWizardStep(db, s.personId, "done", NOW)).toEqual({
      kind: "redirect",
      to: "work",
    });
  });

  it("answers collected for every step after submit", async () => {
    const s = await personWithSession(db);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    await saveAll(db, s, validSteps(files));
    expect((await submitCollection(db, ctx, s, NOW)).ok).toBe(true);
    for (const step of ["notice", "awards", "confirm", "done"] as const) {
      expect(await openWizardStep(db, s.personId, step, NOW)).toEqual({ kind: "collected" });
    }
  });
});

describe("the collection notice", () => {
  it("has the platform default from the migration, and a region's own text wins", async () => {
    const fallback = await contentBlock(db, "collection-notice", "440000");
    expect(fallback?.title).toBe("会计人员信息采集须知");
    expect(fallback?.paragraphs.join("")).toMatch(/身份证.*免冠证件照|免冠证件照.*身份证/);
    expect(fallback?.paragraphs.join("")).toContain("学生证");

    const region = `9${String(Date.now()).slice(-5)}`;
    await db.contentBlock.create({
      data: {
        key: "collection-notice",
        regionCode: region,
        title: "本地须知",
        body: "第一段\n\n第二段",
      },
    });
    expect(await contentBlock(db, "collection-notice", region)).toEqual({
      title: "本地须知",
      paragraphs: ["第一段", "第二段"],
    });
  });
});

describe("two tabs", () => {
  it("a stale save is refused; keeping this page's input saves it over the newer draft, other steps kept", async () => {
    const s = await personWithSession(db);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    const { notice, personal, education } = validSteps(files);
    const shown = await saveAll(db, s, { notice, personal, education });

    // Tab 1 saves 个人信息 with a new e-mail; tab 2, still on the old revision, saves 学历信息.
    const newer = { ...personal, email: "newer@example.com" };
    expect(
      (await saveDraftOnly(db, ctx, s, { step: "personal", data: newer, revision: shown }, NOW)).ok,
    ).toBe(true);
    const mine = { ...education, fullTime: [{ ...education.fullTime[0], school: "暨南大学" }] };
    const stale = await saveDraftOnly(
      db,
      ctx,
      s,
      { step: "education", data: mine, revision: shown },
      NOW,
    );
    expect(stale).toMatchObject({ ok: false, reason: "stale" });

    const kept = await saveDraftOnly(
      db,
      ctx,
      s,
      { step: "education", data: mine, revision: "latest" },
      NOW,
    );
    expect(kept.ok).toBe(true);
    const draft = await loadDraft(db, s.personId);
    expect((draft.steps.education as typeof mine).fullTime[0]!.school).toBe("暨南大学");
    expect((draft.steps.personal as typeof newer).email).toBe("newer@example.com");
  });

  it("two submits at once: one archive, and the other is told it is collected already", async () => {
    const s = await personWithSession(db);
    const files = await uploadPersonalFiles(db, store.current.storage, s);
    await saveAll(db, s, validSteps(files));
    const results = await Promise.all([
      submitCollection(db, ctx, s, NOW),
      submitCollection(db, ctx, s, NOW),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      reason: "collected",
      message: ALREADY_COLLECTED,
    });
  });
});
