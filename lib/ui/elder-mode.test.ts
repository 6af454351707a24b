import { describe, expect, it } from "vitest";
import { ELDER_MODE_COOKIE, elderModeCookie, elderModeOn } from "./elder-mode";

describe("elderModeOn", () => {
  it("is on only when the cookie says 1", () => {
    expect(elderModeOn(`a=b; ${ELDER_MODE_COOKIE}=1; c=d`)).toBe(true);
    expect(elderModeOn(`${ELDER_MODE_COOKIE}=1`)).toBe(true);
    expect(elderModeOn(`${ELDER_MODE_COOKIE}=`)).toBe(false);
    expect(elderModeOn(`x${ELDER_MODE_COOKIE}=1`)).toBe(false);
    expect(elderModeOn(`${ELDER_MODE_COOKIE}=10`)).toBe(false);
    expect(elderModeOn("")).toBe(false);
    expect(elderModeOn(null)).toBe(false);
  });
});

describe("elderModeCookie", () => {
  it("remembers the mode for 400 days, and forgets it at once when turned off", () => {
    expect(elderModeCookie(true, false)).toBe(
      `${ELDER_MODE_COOKIE}=1; Path=/; Max-Age=34560000; SameSite=Lax`,
    );
    expect(elderModeCookie(false, true)).toBe(
      `${ELDER_MODE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; Secure`,
    );
  });

  it("is read back as it was written", () => {
    const written = elderModeCookie(true, false).split(";")[0];
    expect(elderModeOn(written)).toBe(true);
    expect(elderModeOn(elderModeCookie(false, false).split(";")[0])).toBe(false);
  });
});
