import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HUB_ERROR_STATUS } from "./hub-results";
import { HUB_PATHS, MEMBER_PATHS } from "./messages";
import type { VerifyRefusal } from "./signing";

// docs/exchange/openapi.yaml describes the contract of messages.ts for other implementers; these
// tests keep the two from drifting where a reader would notice first: the paths, the methods the
// route handlers serve, and the error codes. (No YAML parser among the dependencies: the paths
// block is read by its indentation, which prettier keeps.)

const ROOT = path.resolve(import.meta.dirname, "../..");
const doc = readFileSync(path.join(ROOT, "docs/exchange/openapi.yaml"), "utf8");

/** "/api/…" → the HTTP methods listed under it in `paths`. */
function documentedOperations(): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  const block = doc.slice(doc.indexOf("\npaths:\n"), doc.indexOf("\ncomponents:\n"));
  let current: string | undefined;
  for (const line of block.split("\n")) {
    const p = /^ {2}(\/\S+):$/.exec(line);
    if (p) operations.set((current = p[1]!), []);
    const m = /^ {4}(get|post|put|delete|patch):$/.exec(line);
    if (m && current) operations.get(current)!.push(m[1]!.toUpperCase());
  }
  return operations;
}

const asTemplate = (p: string | ((id: string) => string)) =>
  typeof p === "string" ? p : p("{id}");

/** Route handler files under app/api/exchange/v1 and the methods each exports. */
function routeHandlers(): Map<string, string[]> {
  const base = path.join(ROOT, "app/api/exchange/v1");
  const found = new Map<string, string[]>();
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (entry.name !== "route.ts") continue;
    const file = path.join(entry.parentPath, entry.name);
    const route = path
      .relative(path.join(ROOT, "app"), entry.parentPath)
      .split(path.sep)
      .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/");
    const methods = [
      ...readFileSync(file, "utf8").matchAll(
        /export (?:const|(?:async )?function) (GET|POST|PUT|DELETE|PATCH)\b/g,
      ),
    ];
    found.set(
      `/${route}`,
      methods.map((m) => m[1]!),
    );
  }
  return found;
}

describe("docs/exchange/openapi.yaml", () => {
  const operations = documentedOperations();

  it("documents every path of the contract, and nothing else", () => {
    const contract = [...Object.values(HUB_PATHS), ...Object.values(MEMBER_PATHS)].map(asTemplate);
    expect([...operations.keys()].sort()).toEqual(contract.sort());
  });

  it("documents the methods the route handlers serve (the hub's and a platform's)", () => {
    const handlers = routeHandlers();
    expect(handlers.size).toBe(Object.keys(HUB_PATHS).length + Object.keys(MEMBER_PATHS).length);
    for (const [route, methods] of handlers) {
      expect(methods.length, route).toBeGreaterThan(0);
      expect(operations.get(route), route).toEqual(methods);
    }
  });

  it("names every error code the hub answers with", () => {
    const signature: Record<VerifyRefusal, true> = {
      missing_header: true,
      malformed_header: true,
      unknown_member: true,
      expired: true,
      future: true,
      body_mismatch: true,
      bad_signature: true,
      replayed: true,
    };
    const codes = [
      ...Object.keys(HUB_ERROR_STATUS),
      ...Object.keys(signature),
      "invalid_json",
      "invalid_body",
      "body_too_large",
    ];
    for (const code of codes) expect(doc, code).toContain(code);
  });

  it("names the five signature headers", () => {
    for (const header of [
      "X-Kuaiji-Member",
      "X-Kuaiji-Timestamp",
      "X-Kuaiji-Nonce",
      "X-Kuaiji-Content-SHA256",
      "X-Kuaiji-Signature",
    ]) {
      expect(doc).toContain(`name: ${header}`);
    }
  });
});
