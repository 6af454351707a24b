import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxSmsSender, outboxFile, readOutbox } from "./outbox";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kuaiji-outbox-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("outbox SMS driver", () => {
  it("appends one JSON line per message, creating directories", async () => {
    const file = path.join(dir, "nested", "deeper", "outbox.jsonl");
    const sender = new OutboxSmsSender(file);
    await sender.send({
      to: "13800138000",
      purpose: "register",
      text: "验证码为111111",
      templateParams: { code: "111111" },
    });
    await sender.send({ to: "13900139000", purpose: "reset-password", text: "验证码为222222" });
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(["at", "to", "purpose", "text"]);
    expect(first).toMatchObject({ to: "13800138000", purpose: "register", text: "验证码为111111" });
    expect(first.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // codes and phones: the platform's user only
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
  });

  it("reads most recent first, with a limit and a phone filter", async () => {
    const file = path.join(dir, "read.jsonl");
    const sender = new OutboxSmsSender(file);
    for (let i = 0; i < 5; i++)
      await sender.send({
        to: i % 2 ? "13900139000" : "13800138000",
        purpose: "register",
        text: `#${i}`,
      });
    expect((await readOutbox({ file })).map((e) => e.text)).toEqual(["#4", "#3", "#2", "#1", "#0"]);
    expect((await readOutbox({ file, limit: 2 })).map((e) => e.text)).toEqual(["#4", "#3"]);
    expect((await readOutbox({ file, to: "13900139000" })).map((e) => e.text)).toEqual([
      "#3",
      "#1",
    ]);
  });

  it("returns nothing for a missing file and skips torn or foreign lines", async () => {
    expect(await readOutbox({ file: path.join(dir, "none.jsonl") })).toEqual([]);
    const file = path.join(dir, "messy.jsonl");
    await new OutboxSmsSender(file).send({ to: "1", purpose: "transfer-in", text: "ok" });
    await appendFile(
      file,
      '{"at":"x","to":"2","purpose":"spam","text":"?"}\nnot json\n{"at":"2025',
    );
    expect((await readOutbox({ file })).map((e) => e.text)).toEqual(["ok"]);
  });

  it("keeps whole lines when several processes append at once", async () => {
    const file = path.join(dir, "concurrent.jsonl");
    const script = `
      const { appendFileSync } = require("node:fs");
      const id = process.argv[1];
      for (let i = 0; i < 200; i++) {
        appendFileSync(${JSON.stringify(file)}, JSON.stringify({ at: new Date().toISOString(), to: id, purpose: "register", text: id.repeat(500) + i }) + "\\n", { flag: "a" });
      }`;
    const writer = new OutboxSmsSender(file);
    const children = ["A", "B", "C"].map(
      (id) =>
        new Promise<void>((resolve, reject) =>
          spawn(process.execPath, ["-e", script, id]).on("exit", (c) =>
            c === 0 ? resolve() : reject(new Error(`exit ${c}`)),
          ),
        ),
    );
    const ours = Array.from({ length: 100 }, (_, i) =>
      writer.send({ to: "D", purpose: "register", text: "D".repeat(500) + i }),
    );
    await Promise.all([...children, ...ours]);
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(700);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("defaults to the data directory", () => {
    expect(outboxFile({} as Record<string, string> as NodeJS.ProcessEnv)).toBe(
      path.join(".data", "sms-outbox.jsonl"),
    );
    expect(
      outboxFile({ KUAIJI_DATA_DIR: "/srv/k" } as Record<string, string> as NodeJS.ProcessEnv),
    ).toBe("/srv/k/sms-outbox.jsonl");
    expect(
      outboxFile({ SMS_OUTBOX_FILE: "/tmp/o.jsonl", KUAIJI_DATA_DIR: "/srv/k" } as Record<
        string,
        string
      > as NodeJS.ProcessEnv),
    ).toBe("/tmp/o.jsonl");
  });
});
