import { describe, expect, it } from "vitest";
import { financeOfficeName } from "./office";

describe("financeOfficeName", () => {
  it("names the province's host, a city's and a county's finance bureau", () => {
    expect(financeOfficeName("440000")).toBe("广东省财政厅");
    expect(financeOfficeName("440100")).toBe("广州市财政局");
    expect(financeOfficeName("440106")).toBe("天河区财政局");
  });
});
