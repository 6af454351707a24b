import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every server action is built by the chokepoint of its audience (lib/auth/action-client.ts):
// the console's under app/[locale]/console/(staff) by staffAction (a staff session and a role), the
// accountant's under app/[locale]/(account) by personAction (an accountant's session), the sign-in and
// public pages by publicAction / staffSignInAction. A hand-written exported async function in a
// "use server" file would be an endpoint no chokepoint guards — this test refuses one, and
// refuses a builder of the wrong audience (a console action reachable with a person session).

const ROOT = path.resolve(import.meta.dirname);
const REPO = path.resolve(ROOT, "..");
/** The pages and their actions, under the locale segment (proxy.ts rewrites every URL there). */
const PAGES = path.join(ROOT, "[locale]");
/** "use server" files outside app/: each one checked by hand and named here with why. */
const OUTSIDE_APP: Record<string, string> = {
  // 退出登录 ends whichever session the caller holds; it takes no input.
  "lib/auth/logout-action.ts": "function",
};

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return actionFiles(full);
    return e.isFile() &&
      /\.tsx?$/.test(e.name) &&
      /^["']use server["']/.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}

function allowedBuilders(file: string): readonly string[] {
  const rel = path.relative(PAGES, file).split(path.sep).join("/");
  if (rel.startsWith("console/(staff)/")) return ["staffAction"];
  if (rel.startsWith("console/login/")) return ["publicAction", "staffSignInAction"];
  if (rel.startsWith("(account)/")) return ["personAction"];
  if (rel.startsWith("(auth)/")) return ["publicAction"];
  // the portal's public pages (档案核验)
  if (rel.startsWith("(portal)/")) return ["publicAction"];
  return [];
}

/** The exported values of a file: `export const X = builder(` → [X, builder]; functions → [X, "function"]. */
function exportedValues(source: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of source.matchAll(/^export\s+const\s+(\w+)\s*=\s*(\w+)\s*\(/gm))
    out.push([m[1]!, m[2]!]);
  for (const m of source.matchAll(/^export\s+(?:default\s+)?(?:async\s+)?function\s*(\w*)/gm))
    out.push([m[1] || "default", "function"]);
  for (const m of source.matchAll(/^export\s+(?:let|var)\s+(\w+)/gm)) out.push([m[1]!, "variable"]);
  return out;
}

describe("server action chokepoints", () => {
  const files = actionFiles(ROOT);

  it("has no other server actions outside app/", () => {
    const outside = ["lib", "components"].flatMap((d) => actionFiles(path.join(REPO, d)));
    const found = Object.fromEntries(
      outside.map((f) => [
        path.relative(REPO, f).split(path.sep).join("/"),
        exportedValues(readFileSync(f, "utf8"))
          .map(([, b]) => b)
          .join(","),
      ]),
    );
    expect(found).toEqual(OUTSIDE_APP);
  });

  it("finds the actions of every audience", () => {
    const rels = files.map((f) => path.relative(PAGES, f));
    expect(rels.some((r) => r.startsWith("console/(staff)/"))).toBe(true);
    expect(rels.some((r) => r.startsWith("(account)/"))).toBe(true);
    expect(rels.some((r) => r.startsWith("(auth)/"))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))(
    "%s exports only actions built by its audience's chokepoint",
    (_rel, file) => {
      const allowed = allowedBuilders(file);
      const exported = exportedValues(readFileSync(file, "utf8"));
      expect(exported.length).toBeGreaterThan(0);
      for (const [name, builder] of exported) {
        expect(allowed, `${name} is built by ${builder}`).toContain(builder);
      }
    },
  );
});
