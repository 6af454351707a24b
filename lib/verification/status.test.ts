import { describe, expect, it } from "vitest";
import { DOCUMENT_STATUS_LABELS, documentStatus } from "./status";

const archive = { kind: "archive" as const, yearCompleted: null, transferState: null };

describe("档案核验 status", () => {
  it("an archive is 有效 at the current version, 已有更新版本 once a later one exists", () => {
    expect(documentStatus({ ...archive, version: 2, currentVersion: 2 })).toBe("valid");
    expect(documentStatus({ ...archive, version: 1, currentVersion: 2 })).toBe("superseded");
    expect(DOCUMENT_STATUS_LABELS.superseded).toBe("已有更新版本");
  });

  it("a 学分证明 outlives later archive versions, not the loss of its year's 已完成", () => {
    const ce = {
      kind: "ce-certificate" as const,
      version: 1,
      currentVersion: 3,
      transferState: null,
    };
    expect(documentStatus({ ...ce, yearCompleted: true })).toBe("valid");
    expect(documentStatus({ ...ce, yearCompleted: false })).toBe("credits-changed");
  });

  it("a person whose file has left the province: 档案已调出本省, whatever the document", () => {
    const out = { transferState: "OUT_DONE", version: 2, currentVersion: 2 };
    expect(documentStatus({ ...archive, ...out })).toBe("transferred-out");
    expect(documentStatus({ ...out, kind: "ce-certificate", yearCompleted: true })).toBe(
      "transferred-out",
    );
    // a transfer still under way changes nothing yet
    expect(
      documentStatus({ ...archive, transferState: "OUT_PENDING", version: 2, currentVersion: 2 }),
    ).toBe("valid");
  });
});
