import { describe, expect, it } from "vitest";
import {
  parseSearchFilter,
  searchFilterForRecord,
  searchFilterToInput,
  searchFilterToParams,
} from "./search-filter";

const parse = (query: string) => parseSearchFilter(new URLSearchParams(query));

describe("人员查询 parameters", () => {
  it("reads every filter from the URL, typed, and treats empty values as any", () => {
    const r = parse(
      "q=+zs+&region=440106&employmentStatus=ACCOUNTING_POST&qualificationType=ACCOUNTING" +
        "&qualificationLevel=SENIOR&highEndTalent=yes&collectionStatus=collected&ceYear=2025" +
        "&ceStatus=incomplete&transferState=none&sort=collectedAt&order=desc&cursor=abc_-1" +
        "&employmentStatus=STUDENT&unknown=1&idNumber=440106199001011234",
    );
    expect(r).toEqual({
      ok: true,
      filter: {
        q: "zs",
        region: "440106",
        employmentStatus: "ACCOUNTING_POST",
        qualificationType: "ACCOUNTING",
        qualificationLevel: "SENIOR",
        highEndTalent: "yes",
        collectionStatus: "collected",
        ceYear: 2025,
        ceStatus: "incomplete",
        transferState: "none",
        sort: "collectedAt",
        order: "desc",
        cursor: "abc_-1",
      },
    });
    // The number is not a parameter: a URL carrying one does not search by it.
    expect(parse("idNumber=440106199001011234")).toEqual({ ok: true, filter: {} });
    expect(parse("q=&region=&ceYear=&sort=")).toEqual({ ok: true, filter: {} });
  });

  it("refuses malformed values with a Chinese message at the parameter", () => {
    const r = parse(
      "region=4401&employmentStatus=BOSS&ceYear=1999&sort=age&cursor=a%2Bb&transferState=OUT",
    );
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        region: "请选择行政区划",
        employmentStatus: "在岗状态无效",
        ceYear: "继续教育年度应为2000年以后的四位年份",
        sort: "排序方式无效",
        cursor: "翻页参数无效，请重新查询",
        transferState: "调转状态无效",
      },
    });
    expect(parse(`q=${"张".repeat(51)}`)).toEqual({
      ok: false,
      fieldErrors: { q: "姓名最多50个字符" },
    });
  });

  it("asks for the year when a 继续教育 status is chosen without one", () => {
    expect(parse("ceStatus=complete")).toEqual({
      ok: false,
      fieldErrors: { ceYear: "请选择继续教育年度" },
    });
    expect(parse("ceStatus=complete&ceYear=2026").ok).toBe(true);
  });

  it("writes the same URL for the same search, leaving out defaults and empty values", () => {
    const r = parse("region=440100&q=张&sort=name&order=asc&cursor=xyz");
    if (!r.ok) throw new Error("parse");
    expect(searchFilterToParams(r.filter).toString()).toBe("q=%E5%BC%A0&region=440100&cursor=xyz");
    expect(searchFilterToParams(r.filter, null).toString()).toBe("q=%E5%BC%A0&region=440100");
    expect(searchFilterToParams(r.filter, "next1").get("cursor")).toBe("next1");
    // Round trip: what is written reads back as the same search (the default sort left implicit).
    const back = parseSearchFilter(searchFilterToParams(r.filter));
    expect(back).toEqual(parse("q=张&region=440100&cursor=xyz"));
    const sorted = parse("sort=registeredAt&order=desc");
    if (!sorted.ok) throw new Error("parse");
    expect(searchFilterToParams(sorted.filter).toString()).toBe("sort=registeredAt&order=desc");
  });

  it("gives the form every field as a string, with the default sort filled in", () => {
    const r = parse("ceYear=2025&ceStatus=pending&highEndTalent=no");
    if (!r.ok) throw new Error("parse");
    expect(searchFilterToInput(r.filter)).toEqual({
      q: "",
      region: "",
      employmentStatus: "",
      qualificationType: "",
      qualificationLevel: "",
      highEndTalent: "no",
      collectionStatus: "",
      ceYear: "2025",
      ceStatus: "pending",
      transferState: "",
      sort: "name",
      order: "asc",
      cursor: "",
    });
  });

  it("records a search without the cursor and without the name in clear", () => {
    const r = parse("q=张三丰&region=440106&cursor=abc");
    if (!r.ok) throw new Error("parse");
    expect(searchFilterForRecord(r.filter)).toEqual({ q: "张**", region: "440106" });
    const p = parse("q=zhangsan");
    if (!p.ok) throw new Error("parse");
    expect(searchFilterForRecord(p.filter)).toEqual({ q: "z*******" });
  });
});
