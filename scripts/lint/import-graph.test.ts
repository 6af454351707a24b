import { describe, expect, test } from "vitest";
import {
  buildGraph,
  clientReach,
  findCycles,
  folderGraph,
  insertMarker,
  parseModule,
  resolveSpecifier,
  serverChain,
  serverModules,
  unmarkedServerModules,
} from "./import-graph";

const tree = (files: Record<string, string>) => buildGraph(new Map(Object.entries(files)));

describe("parseModule", () => {
  test("reads every kind of import, types and dynamic ones included", () => {
    const files = new Set(["lib/b/x.ts", "lib/c/index.ts", "lib/d/y.tsx"]);
    const mod = parseModule(
      "lib/a/m.ts",
      [
        "import {",
        "  one,",
        "  two,",
        '} from "@/lib/b/x";',
        'import type { T } from "../c";',
        'import { type U, type V } from "./own";',
        'export { w } from "@/lib/d/y";',
        'export type { Z } from "node:fs";',
        "const later = () => import(`@/lib/b/x`);",
        'type Db = typeof import("@/lib/db/client");',
        'const pkg = require("pino");',
      ].join("\n"),
      files,
    );
    expect(
      mod.imports.map(({ spec, target, line, typeOnly, dynamic }) => ({
        spec,
        target,
        line,
        typeOnly,
        dynamic,
      })),
    ).toEqual([
      { spec: "@/lib/b/x", target: "lib/b/x.ts", line: 1, typeOnly: false, dynamic: false },
      { spec: "../c", target: "lib/c/index.ts", line: 5, typeOnly: true, dynamic: false },
      { spec: "./own", target: "lib/a/own", line: 6, typeOnly: true, dynamic: false },
      { spec: "@/lib/d/y", target: "lib/d/y.tsx", line: 7, typeOnly: false, dynamic: false },
      { spec: "node:fs", target: null, line: 8, typeOnly: true, dynamic: false },
      { spec: "@/lib/b/x", target: "lib/b/x.ts", line: 9, typeOnly: false, dynamic: true },
      {
        spec: "@/lib/db/client",
        target: "lib/db/client",
        line: 10,
        typeOnly: true,
        dynamic: false,
      },
      { spec: "pino", target: null, line: 11, typeOnly: false, dynamic: false },
    ]);
  });

  test("a default or mixed import survives compilation", () => {
    const mod = parseModule(
      "a.ts",
      'import X, { type Y } from "pg";\nimport { type A, b } from "pg";',
      new Set(),
    );
    expect(mod.imports.map((i) => i.typeOnly)).toEqual([false, false]);
  });

  test("directives and the server-only marker", () => {
    const marked = parseModule(
      "a.ts",
      '// header\n"use server";\n\nimport "server-only";\nimport "x";',
      new Set(),
    );
    expect(marked.directives).toEqual(["use server"]);
    expect(marked.marked).toBe(true);
    const late = parseModule("b.ts", 'import "x";\nimport "server-only";', new Set());
    expect(late.marked).toBe(false);
    expect(late.misplacedMarker).not.toBeNull();
  });
});

describe("resolveSpecifier", () => {
  const files = new Set(["lib/a/x.ts", "lib/a/index.tsx", "app/p/page.tsx"]);
  test("maps @/ to the root and finds the file behind an extensionless path", () => {
    expect(resolveSpecifier("@/lib/a/x", "app/p/page.tsx", files)).toBe("lib/a/x.ts");
    expect(resolveSpecifier("../../lib/a", "app/p/page.tsx", files)).toBe("lib/a/index.tsx");
    expect(resolveSpecifier("./x.js", "lib/a/y.ts", files)).toBe("lib/a/x.ts");
  });
  test("keeps an unknown project path, names no file for a package", () => {
    expect(resolveSpecifier("@/lib/db/generated/client", "lib/a/x.ts", files)).toBe(
      "lib/db/generated/client",
    );
    expect(resolveSpecifier("zod", "lib/a/x.ts", files)).toBeNull();
  });
});

describe("folder cycles", () => {
  test("a two-folder cycle, with the imports that make each edge", () => {
    const graph = tree({
      "lib/ce/credit.ts": 'import { locks } from "@/lib/change/locks";',
      "lib/change/locks.ts": 'import type { Year } from "../ce/year";',
      "lib/ce/year.ts": "export type Year = number;",
    });
    const folders = folderGraph(graph);
    expect(findCycles(folders)).toEqual([["lib/ce", "lib/change", "lib/ce"]]);
    const back = folders.get("lib/change")!.get("lib/ce")!;
    expect(back.map((e) => [e.from, e.line, e.spec, e.typeOnly])).toEqual([
      ["lib/change/locks.ts", 1, "../ce/year", true],
    ]);
  });

  test("shortest first, each cycle once, starting at its first folder", () => {
    const graph = tree({
      "lib/a/1.ts": 'import "@/lib/b/1";',
      "lib/b/1.ts": 'import "@/lib/c/1";\nimport "@/lib/a/2";',
      "lib/c/1.ts": 'import "@/lib/a/1";',
    });
    expect(findCycles(folderGraph(graph))).toEqual([
      ["lib/a", "lib/b", "lib/a"],
      ["lib/a", "lib/b", "lib/c", "lib/a"],
    ]);
  });

  test("no cycle from tests, same-folder imports or a one-way chain", () => {
    const graph = tree({
      "lib/a/1.ts": 'import "./2";\nimport "@/lib/b/1";',
      "lib/a/2.ts": 'import "./1";',
      "lib/b/1.ts": "export {};",
      "lib/b/1.test.ts": 'import "@/lib/a/1";',
      "lib/b/test-support.ts": 'import "@/lib/a/1";',
    });
    expect(findCycles(folderGraph(graph))).toEqual([]);
  });

  test("stops at the limit", () => {
    const files: Record<string, string> = {};
    const names = ["a", "b", "c", "d", "e"];
    for (const n of names)
      files[`lib/${n}/m.ts`] = names
        .filter((o) => o !== n)
        .map((o) => `import "@/lib/${o}/m";`)
        .join("\n");
    expect(findCycles(folderGraph(tree(files)), 7)).toHaveLength(7);
    expect(findCycles(folderGraph(tree(files)), 7).every((c) => c.length === 3)).toBe(true);
  });
});

describe("server-only reach", () => {
  const graph = tree({
    "lib/crypto/keys.ts": 'import { createHmac } from "node:crypto";',
    "lib/crypto/index-key.ts": 'import { keys } from "./keys";',
    "lib/account/service.ts": 'import "server-only";\nimport { db } from "@/lib/db/client";',
    "lib/account/types.ts": 'import type { Db } from "@/lib/db/client";',
    "lib/identity/rules.ts": 'import { z } from "zod";',
    "lib/collection/schemas/personal.ts":
      'import { rule } from "@/lib/identity/rules";\nimport { k } from "@/lib/crypto/index-key";',
    "lib/auth/logout.ts": '"use server";\nimport { cookies } from "next/headers";',
    "lib/auth/uses-logout.ts": 'import { logout } from "./logout";',
    "app/x/form.tsx":
      '"use client";\nimport { logout } from "@/lib/auth/logout";\nimport type { Db } from "@/lib/account/types";\nimport "@/lib/collection/schemas/personal";',
    "lib/account/service.test.ts": 'import "node:fs";',
  });
  const why = serverModules(graph);

  test("follows value imports to the first server-only thing, and prints the chain", () => {
    expect(serverChain("lib/crypto/index-key.ts", why)).toBe(
      "lib/crypto/index-key.ts → lib/crypto/keys.ts → node:crypto (is a Node built-in)",
    );
    expect(serverChain("lib/account/service.ts", why)).toMatch(/^lib\/account\/service\.ts → /);
    expect(why.has("lib/db/client")).toBe(true);
  });

  test("type-only imports and imports of server actions do not make a module server-only", () => {
    expect(why.has("lib/account/types.ts")).toBe(false);
    expect(why.has("lib/auth/uses-logout.ts")).toBe(false);
    expect(why.has("lib/identity/rules.ts")).toBe(false);
  });

  test("client code: the import that enters server-only code, with both chains", () => {
    const { reachable, violations } = clientReach(
      graph,
      why,
      ["app/x/form.tsx"],
      ["lib/collection/schemas/personal.ts"],
    );
    expect(violations).toHaveLength(1);
    const [v] = violations;
    expect(v!.clientChain).toEqual(["app/x/form.tsx", "lib/collection/schemas/personal.ts"]);
    expect([v!.edge.from, v!.edge.line, v!.edge.spec]).toEqual([
      "lib/collection/schemas/personal.ts",
      2,
      "@/lib/crypto/index-key",
    ]);
    expect(v!.serverChain).toBe(
      "lib/crypto/index-key.ts → lib/crypto/keys.ts → node:crypto (is a Node built-in)",
    );
    // the server action is a boundary; what the client pulls in is all reachable
    expect(reachable.has("lib/auth/logout.ts")).toBe(false);
    expect([...reachable.keys()].sort()).toEqual([
      "app/x/form.tsx",
      "lib/collection/schemas/personal.ts",
      "lib/crypto/index-key.ts",
      "lib/crypto/keys.ts",
      "lib/identity/rules.ts",
    ]);
  });

  test("a seed that itself imports server-only code is reported at that import", () => {
    const g = tree({ "lib/codes/x.ts": 'import { readFileSync } from "node:fs";' });
    const { violations } = clientReach(g, serverModules(g), [], ["lib/codes/x.ts"]);
    expect(violations.map((v) => [v.clientChain, v.serverChain])).toEqual([
      [["lib/codes/x.ts"], "node:fs (is a Node built-in)"],
    ]);
  });

  test("unmarked server modules: not the marked, the tests, nor what the client loads", () => {
    const { reachable } = clientReach(graph, why, ["app/x/form.tsx"]);
    expect(unmarkedServerModules(graph, why, reachable).map((m) => m.path)).toEqual([
      "lib/auth/logout.ts",
    ]);
    expect(unmarkedServerModules(graph, why, new Map()).map((m) => m.path)).toEqual([
      "lib/auth/logout.ts",
      "lib/collection/schemas/personal.ts",
      "lib/crypto/index-key.ts",
      "lib/crypto/keys.ts",
    ]);
  });
});

describe("insertMarker", () => {
  test("before the first import, below a header comment", () => {
    expect(insertMarker("a.ts", '// Why this file exists.\nimport { x } from "y";\n')).toBe(
      '// Why this file exists.\nimport "server-only";\nimport { x } from "y";\n',
    );
  });
  test("after a directive", () => {
    expect(insertMarker("a.ts", '"use server";\n\nimport { x } from "y";\n')).toBe(
      '"use server";\n\nimport "server-only";\nimport { x } from "y";\n',
    );
  });
  test("above a declaration's doc comment, below a detached header", () => {
    expect(insertMarker("a.ts", "// header\n\n/** Doc. */\nexport const a = 1;\n")).toBe(
      '// header\n\nimport "server-only";\n\n/** Doc. */\nexport const a = 1;\n',
    );
  });
  test("moves a misplaced marker up, and leaves a marked file alone", () => {
    const fixed = insertMarker("a.ts", 'import { x } from "y";\nimport "server-only";\n');
    expect(fixed).toBe('import "server-only";\nimport { x } from "y";\n');
    expect(insertMarker("a.ts", fixed)).toBe(fixed);
  });
});
