import { describe, expect, it } from "vitest";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { contactChain, isContactOffice, keepsContact } from "./contact-offices";

const GUANGDONG = jurisdictionFromEnv({});

describe("the offices with a contact", () => {
  it("are the jurisdiction's own, its cities' and counties', never an excluded part's", () => {
    for (const code of ["440000", "440100", "440106", "441900", "440600"]) {
      expect(isContactOffice(code, GUANGDONG), code).toBe(true);
    }
    for (const code of ["440300", "440305", "110000", "000000", "4401", "440199", ""]) {
      expect(isContactOffice(code, GUANGDONG), code).toBe(false);
    }
  });
});

describe("who keeps an office's contact", () => {
  it("the office itself and every office above it, never a sibling or one below", () => {
    expect(keepsContact(["440100"], "440100", GUANGDONG)).toBe(true); // own
    expect(keepsContact(["440100"], "440106", GUANGDONG)).toBe(true); // child
    expect(keepsContact(["440000"], "440600", GUANGDONG)).toBe(true); // grandchild's city
    expect(keepsContact(["440100"], "440600", GUANGDONG)).toBe(false); // sibling city
    expect(keepsContact(["440106"], "440104", GUANGDONG)).toBe(false); // sibling county
    expect(keepsContact(["440106"], "440100", GUANGDONG)).toBe(false); // parent
    expect(keepsContact(["440000"], "440300", GUANGDONG)).toBe(false); // 深圳 runs its own
    expect(keepsContact([""], "440100", GUANGDONG)).toBe(false); // malformed scope
  });
});

describe("whose contacts concern a person", () => {
  it("their county's, their city's, then the jurisdiction's", () => {
    expect(contactChain("440106", GUANGDONG)).toEqual(["440106", "440100", "440000"]);
    expect(contactChain("441900", GUANGDONG)).toEqual(["441900", "440000"]); // 东莞: no county
    expect(contactChain("440000", GUANGDONG)).toEqual(["440000"]); // registered, not collected
  });

  it("only offices of the jurisdiction", () => {
    const shenzhen = jurisdictionFromEnv({ KUAIJI_JURISDICTION_CODE: "440300" });
    expect(contactChain("440305", shenzhen)).toEqual(["440305", "440300"]);
    expect(contactChain("bad", GUANGDONG)).toEqual(["440000"]);
  });
});
