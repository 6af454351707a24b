// `npm run hub -- member …` against the test database, as the operator runs it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { activeMemberSecret } from "@/lib/exchange/hub-members";

const run = promisify(execFile);

async function hubCli(...args: string[]) {
  try {
    const hooks = ["--import", "./scripts/server-only/register.mjs", "--import", "tsx"];
    const r = await run("node", [...hooks, "scripts/hub.ts", ...args], { env: process.env });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const secretIn = (out: string) => /shown once\): (\S+)/.exec(out)?.[1] ?? "";

describe("npm run hub -- member", { timeout: 90_000 }, () => {
  it("registers a member with a secret printed once and kept encrypted, rotates and lists it", async () => {
    const added = await hubCli("member", "add", "350200", "https://kj.xm.example");
    expect(added).toMatchObject({ code: 0 });
    const secret = secretIn(added.out);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.hubMember.findUniqueOrThrow({ where: { code: "350200" } });
    expect(row.baseUrl).toBe("https://kj.xm.example");
    expect(row.secretCipher).not.toContain(secret);
    expect(await activeMemberSecret(db, "350200")).toBe(secret);

    const again = await hubCli("member", "add", "350200", "https://kj.xm.example");
    expect(again.code).toBe(1);
    expect(again.err).toContain("已是成员");

    const rotated = await hubCli("member", "rotate", "350200");
    expect(rotated.code).toBe(0);
    const next = secretIn(rotated.out);
    expect(next).not.toBe(secret);
    expect(await activeMemberSecret(db, "350200")).toBe(next);

    const list = await hubCli("member", "list");
    expect(list.out).toMatch(/350200\t厦门市\thttps:\/\/kj\.xm\.example/);
    expect(list.out).not.toContain(next);
  });

  it("refuses what is not a member, a base URL with a path, and unknown commands", async () => {
    expect(await hubCli("member", "add", "440100", "https://gz.example")).toMatchObject({
      code: 1,
      err: expect.stringContaining("不是全国平台的成员代码"),
    });
    expect(await hubCli("member", "add", "210200", "https://dl.example/kuaiji")).toMatchObject({
      code: 1,
      err: expect.stringContaining("不带路径"),
    });
    expect(await hubCli("member", "rotate", "370200")).toMatchObject({ code: 1 });
    expect((await hubCli("members")).code).toBe(2);
    expect(
      await db.hubMember.count({ where: { code: { in: ["440100", "210200", "370200"] } } }),
    ).toBe(0);
  });
});
