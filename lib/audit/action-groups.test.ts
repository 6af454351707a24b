import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "./actions";
import {
  ACTION_GROUPS,
  ACTION_LABELS,
  actionGroupLabel,
  actionLabel,
  actionsOfGroup,
  isActionGroup,
} from "./action-groups";

describe("操作日志 action labels", () => {
  it("labels every action of the union in Chinese, each differently, and nothing else", () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const a of AUDIT_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/\p{Script=Han}/u);
    expect(new Set(Object.values(ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });

  it("shows an unknown stored name as it is rather than failing", () => {
    expect(actionLabel("auth.login")).toBe("登录");
    expect(actionLabel("legacy.thing")).toBe("legacy.thing");
  });
});

describe("操作日志 action groups", () => {
  it("offers the six groups with their labels", () => {
    expect(ACTION_GROUPS.map(actionGroupLabel)).toEqual([
      "登录",
      "敏感查看",
      "导出",
      "导入",
      "审核决定",
      "用户管理",
    ]);
    expect(isActionGroup("login")).toBe(true);
    expect(isActionGroup("toString")).toBe(false);
  });

  it("resolves each group to action names of the union", () => {
    expect(actionsOfGroup("login")).toContain("auth.second-factor");
    expect(actionsOfGroup("login")).not.toContain("auth.register");
    expect(actionsOfGroup("sensitive-view")).toEqual(
      expect.arrayContaining(["staff.person-lookup", "attachment.staff-view", "audit.read"]),
    );
    expect(actionsOfGroup("import")).toEqual([
      "ce.course-import",
      "ce.course-import-check",
      "import.history",
      "import.history-person",
    ]);
    expect(actionsOfGroup("review")).toEqual([
      "ce.claim-review",
      "transfer.out-review",
      "transfer.in-review",
      "appeal.decide",
    ]);
    expect(actionsOfGroup("staff-admin")).toContain("staff.second-factor-reset");
    for (const g of ACTION_GROUPS) expect(actionsOfGroup(g).length).toBeGreaterThan(0);
    expect(actionsOfGroup("export")).toEqual(["staff.export", "stats.export"]);
  });
});
