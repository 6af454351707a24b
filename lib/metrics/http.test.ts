import { describe, expect, it } from "vitest";
import { statusClass } from "./http";

describe("statusClass", () => {
  it.each([
    [200, "2xx"],
    [204, "2xx"],
    [303, "3xx"],
    [404, "4xx"],
    [503, "5xx"],
    [0, "other"],
    [999, "other"],
  ])("%i → %s", (status, label) => expect(statusClass(status)).toBe(label));
});
