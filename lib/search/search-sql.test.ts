import { describe, expect, it } from "vitest";
import { scopeSql } from "./search-sql";

// The scope as code ranges: the upper bound is the next prefix, carried like a number
// ("4409" → "4410", "49" → "50"), so no region just past the scope slips in.

const scope = (...regionCodes: string[]) => ({ staffId: "s", regionCodes });

/** Whether a region code passes the ranges the SQL compares it with. */
function passes(sql: ReturnType<typeof scopeSql>, code: string): boolean {
  const v = sql.values as string[];
  if (/= \$/.test(sql.text) && v.length === 1) return code === v[0];
  for (let i = 0; i < v.length; i += 2) if (code >= v[i]! && code < v[i + 1]!) return true;
  return false;
}

describe("人员查询 scope ranges", () => {
  it("covers a city's codes and nothing past it, across a digit carry", () => {
    const s = scopeSql(scope("440900"));
    expect(s.values).toEqual(["4409", "4410"]);
    for (const code of ["440900", "440902", "440999"]) expect(passes(s, code)).toBe(true);
    for (const code of ["440899", "441000", "441002", "4410"]) expect(passes(s, code)).toBe(false);
  });

  it("takes a province and a county as they are", () => {
    expect(scopeSql(scope("490000")).values).toEqual(["49", "50"]);
    const county = scopeSql(scope("440106"));
    expect(county.values).toEqual(["440106"]);
    expect(passes(county, "440106")).toBe(true);
    expect(passes(county, "440107")).toBe(false);
  });

  it("joins several scopes and matches nothing for malformed ones", () => {
    expect(scopeSql(scope("440100", "440300")).values).toEqual(["4401", "4402", "4403", "4404"]);
    expect(scopeSql(scope("", "44x", "000000")).text).toBe("FALSE");
    expect(scopeSql(scope()).text).toBe("FALSE");
  });
});
