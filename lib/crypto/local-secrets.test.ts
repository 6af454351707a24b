import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureLocalSecrets } from "@/lib/crypto/local-secrets";
import { loadFieldKeyring, loadIndexKey, loadOtpKey } from "@/lib/crypto/keys";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kuaiji-secrets-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ensureLocalSecrets", () => {
  it("creates the file once, mode 0600, with usable keys", () => {
    const dataDir = path.join(dir, "nested", "data"); // parent directories created too
    const first = ensureLocalSecrets(dataDir, {});
    expect(Object.keys(first).sort()).toEqual([
      "KUAIJI_ENC_KEY",
      "KUAIJI_INDEX_KEY",
      "KUAIJI_OTP_KEY",
      "NEXTAUTH_SECRET",
    ]);
    const file = path.join(dataDir, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.NEXTAUTH_SECRET ?? "", "base64")).toHaveLength(32);
    expect(() => loadFieldKeyring(first)).not.toThrow();
    expect(() => loadIndexKey(first)).not.toThrow();
    expect(() => loadOtpKey(first)).not.toThrow();
    expect(fs.readdirSync(dataDir)).toEqual(["secrets.json"]); // no temp files left
  });

  it("is idempotent: the same secrets on every start", () => {
    const first = ensureLocalSecrets(dir, {});
    const before = fs.readFileSync(path.join(dir, "secrets.json"), "utf8");
    expect(ensureLocalSecrets(dir, {})).toEqual(first);
    expect(fs.readFileSync(path.join(dir, "secrets.json"), "utf8")).toBe(before);
  });

  it("returns only what the environment does not set", () => {
    const result = ensureLocalSecrets(dir, {
      KUAIJI_ENC_KEY: "aa".repeat(32),
      NEXTAUTH_SECRET: "",
    });
    expect(Object.keys(result).sort()).toEqual([
      "KUAIJI_INDEX_KEY",
      "KUAIJI_OTP_KEY",
      "NEXTAUTH_SECRET",
    ]);
  });

  it("adds entries missing from an older file without touching existing ones", () => {
    const file = path.join(dir, "secrets.json");
    const enc = "12".repeat(32);
    fs.writeFileSync(file, JSON.stringify({ KUAIJI_ENC_KEY: enc }), { mode: 0o600 });
    const result = ensureLocalSecrets(dir, {});
    expect(result.KUAIJI_ENC_KEY).toBe(enc);
    expect(Object.keys(result)).toHaveLength(4);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).KUAIJI_ENC_KEY).toBe(enc);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("stops instead of regenerating when the file is damaged", () => {
    const file = path.join(dir, "secrets.json");
    fs.writeFileSync(file, "{ not json");
    expect(() => ensureLocalSecrets(dir, {})).toThrow(/请勿删除或手工修改/);
    fs.writeFileSync(file, JSON.stringify({ KUAIJI_ENC_KEY: "short" }));
    expect(() => ensureLocalSecrets(dir, {})).toThrow(/KUAIJI_ENC_KEY/);
    expect(fs.readFileSync(file, "utf8")).toContain("short"); // left as it was
  });
});
