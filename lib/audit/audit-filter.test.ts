import { describe, expect, it } from "vitest";
import { auditFilterHref, parseAuditFilter } from "./audit-filter";

describe("操作日志 filter from GET parameters", () => {
  it("reads Beijing times on the form as instants: from the minute's start, to its end", () => {
    const r = parseAuditFilter({ from: "2026-12-01T08:30", to: "2026-12-01T09:00" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.filter.from).toEqual(new Date("2026-12-01T00:30:00Z"));
    expect(r.filter.to).toEqual(new Date("2026-12-01T01:01:00Z"));
  });

  it("takes a bare date as the whole Beijing day", () => {
    const r = parseAuditFilter({ from: "2026-12-01", to: "2026-12-01" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.filter.from).toEqual(new Date("2026-11-30T16:00:00Z"));
    expect(r.filter.to).toEqual(new Date("2026-12-01T16:00:00Z"));
  });

  it("tells a staff 登录名 from a person's id, and resolves a group to its actions", () => {
    const staff = parseAuditFilter({ actor: "GZ-Admin", action: "group:review" });
    expect(staff).toMatchObject({
      ok: true,
      filter: {
        actor: { kind: "staff-username", username: "gz-admin" },
        actions: ["ce.claim-review", "transfer.out-review", "transfer.in-review", "appeal.decide"],
      },
    });
    const person = parseAuditFilter({ actor: "0193A6F0-0000-7000-8000-000000000001" });
    expect(person).toMatchObject({
      ok: true,
      filter: { actor: { kind: "person", id: "0193a6f0-0000-7000-8000-000000000001" } },
    });
    expect(parseAuditFilter({ action: "auth.login", outcome: "denied" })).toMatchObject({
      ok: true,
      filter: { actions: ["auth.login"], outcome: "denied" },
    });
  });

  it("refuses malformed values field by field and keeps what was typed", () => {
    const r = parseAuditFilter({
      actor: "张三",
      action: "group:nope",
      outcome: "maybe",
      from: "2026-02-30",
      to: "2026-12-01T24:00",
      targetType: "<b>",
      targetId: "44010619900101123X",
      region: "44",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(
      ["action", "actor", "from", "outcome", "region", "targetId", "targetType", "to"].sort(),
    );
    expect(r.errors.targetId).toBe("请输入对象编号，不能输入证件号码");
    expect(r.values.actor).toBe("张三");
  });

  it("refuses an end before the start", () => {
    const r = parseAuditFilter({ from: "2026-12-02", to: "2026-12-01" });
    expect(r).toMatchObject({ ok: false, errors: { to: "结束时间应晚于开始时间" } });
  });

  it("builds the URL of a filtered view and of its next page", () => {
    const r = parseAuditFilter({ action: "group:login", outcome: "failure" });
    expect(auditFilterHref(r.values, "1700000000000-42")).toBe(
      "/console/audit?action=group%3Alogin&outcome=failure&after=1700000000000-42",
    );
    expect(auditFilterHref(parseAuditFilter({}).values)).toBe("/console/audit");
  });
});
