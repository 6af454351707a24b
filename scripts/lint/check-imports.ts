// Import rules ESLint cannot see, because they need the whole graph (part of `npm run lint`):
//
//   a. no import cycle between lib/* folders (every kind of import counts, types included);
//   b. client code never reaches server-only code: "use client" files, lib/**/schemas/**,
//      lib/codes/** and CLIENT_SAFE below, with everything they import at run time;
//   c. every lib module that reaches server-only code starts with `import "server-only";`, so
//      Next.js refuses at build time what b would only catch here.
//
// Server-only: lib/db/**, Node built-ins, next/headers, pg, @prisma/*, sharp, @node-rs/argon2,
// @aws-sdk/*, @electric-sql/*, pino, svg-captcha, next-auth (not next-auth/react), the
// "server-only" marker itself, and whatever imports them (scripts/lint/import-graph.ts).
//
//   npm run lint:imports              check, exit 1 on any finding
//   npm run lint:imports -- --fix     also insert the marker (c) where missing, then check again
//
// Scripts are no exception to c: they load marked modules through scripts/server-only/
// register.mjs (tests: the alias in vitest.config.ts). Modules client code loads are: marking
// them would break the build, so b reports them and the offending import has to move.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  buildGraph,
  clientReach,
  findCycles,
  folderGraph,
  insertMarker,
  isGenerated,
  isTestFile,
  type ImportEdge,
  serverModules,
  unmarkedServerModules,
} from "./import-graph";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["lib", "app", "components"];
const MAX_CYCLES = 50;

/**
 * lib modules meant to run in the browser besides lib/…/schemas/ and lib/codes/: each one
 * says so in its own comment. They stay client-safe even while no client file imports them;
 * whatever client files do import is checked anyway.
 */
const CLIENT_SAFE = [
  "lib/http/action-result.ts", // what actions return, keyed by the same functions in the browser
  "lib/collection/rules.ts", // cross-step rules the wizard schemas run
  "lib/collection/steps.ts", // the wizard's steps, listed by form and action alike
  "lib/account/field-schemas.ts", // field schemas of every account form and its action
  "lib/region/jurisdiction-regions.ts", // the region picker's data, without the national table
];

function isDeclaredClientSafe(file: string): boolean {
  return (
    /^lib\/(.+\/)?schemas\//.test(file) ||
    file.startsWith("lib/codes/") ||
    CLIENT_SAFE.includes(file)
  );
}

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(rel, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
}

function analyse() {
  const all: string[] = [];
  for (const dir of SCANNED) walk(dir, all);
  const sources = new Map<string, string>();
  for (const file of all)
    if (!isTestFile(file) && !isGenerated(file))
      sources.set(file, readFileSync(path.join(ROOT, file), "utf8"));
  const graph = buildGraph(sources, new Set(all));

  const folders = folderGraph(graph);
  const cycles = findCycles(folders, MAX_CYCLES);
  const why = serverModules(graph);
  const modules = [...graph.values()];
  const clientFiles = modules.filter((m) => m.directives.includes("use client")).map((m) => m.path);
  const declared = modules.filter((m) => isDeclaredClientSafe(m.path)).map((m) => m.path);
  const client = clientReach(graph, why, clientFiles, declared);
  const unmarked = unmarkedServerModules(graph, why, client.reachable);
  const missing = CLIENT_SAFE.filter((f) => !existsSync(path.join(ROOT, f)));
  return { graph, cycles, folders, client, unmarked, missing };
}

const edgeText = (e: ImportEdge) =>
  `${e.from}:${e.line} ${e.dynamic ? "import()s" : "imports"} "${e.spec}"` +
  (e.typeOnly ? " (type only)" : "");

function report(result: ReturnType<typeof analyse>): number {
  const { graph, cycles, folders, client, unmarked, missing } = result;
  let problems = 0;
  const out: string[] = [];

  if (cycles.length) {
    problems += cycles.length;
    out.push(`✗ ${cycles.length} import cycle(s) between lib/* folders — move code so that`);
    out.push(
      `  every edge of each cycle points one way${cycles.length === MAX_CYCLES ? " (the shortest shown)" : ""}:`,
    );
    const shown = new Set<string>();
    cycles.forEach((cycle, i) => {
      out.push("", `  ${i + 1}. ${cycle.join(" → ")}`);
      for (let k = 0; k + 1 < cycle.length; k++) {
        const key = `${cycle[k]} → ${cycle[k + 1]}`;
        const edges = folders.get(cycle[k]!)!.get(cycle[k + 1]!)!;
        if (shown.has(key)) {
          out.push(`     ${key}: ${edges.length} import(s), listed above`);
          continue;
        }
        shown.add(key);
        out.push(`     ${key}:`);
        for (const e of edges) out.push(`       ${edgeText(e)}`);
      }
    });
    out.push("");
  }

  if (client.violations.length) {
    problems += client.violations.length;
    out.push(`✗ ${client.violations.length} import(s) take client code into server-only code:`);
    for (const v of client.violations) {
      const [seed, ...rest] = v.clientChain;
      const label = graph.get(seed!)?.directives.includes("use client")
        ? '"use client"'
        : "declared client-safe";
      out.push("", `  ${edgeText(v.edge)}`);
      out.push(`     client: ${[`${seed} (${label})`, ...rest].join(" → ")}`);
      out.push(`     server-only: ${v.serverChain}`);
    }
    out.push("");
  }

  for (const f of missing) {
    problems += 1;
    out.push(`✗ CLIENT_SAFE in scripts/lint/check-imports.ts lists ${f}, which does not exist`, "");
  }

  if (unmarked.length) {
    problems += unmarked.length;
    out.push(`✗ ${unmarked.length} lib module(s) reach server-only code without starting with`);
    out.push('  import "server-only"; (`npm run lint:imports -- --fix` inserts it):');
    for (const m of unmarked)
      out.push(`  ${m.path}${m.misplacedMarker ? " (marker not first)" : ""}`, `     ${m.chain}`);
    out.push("");
  }

  if (problems === 0)
    out.push(
      "✓ imports: no lib folder cycle, client code stays client-safe, server modules marked",
    );
  console.log(out.join("\n"));
  return problems;
}

/** Inserts the marker; the result is already in prettier's format (one line, no reflow). */
function fix(files: string[]) {
  for (const file of files) {
    const full = path.join(ROOT, file);
    writeFileSync(full, insertMarker(file, readFileSync(full, "utf8")));
    console.log(`marked ${file}`);
  }
}

let result = analyse();
if (process.argv.includes("--fix") && result.unmarked.length) {
  fix(result.unmarked.map((m) => m.path));
  console.log("");
  result = analyse();
}
process.exitCode = report(result) ? 1 : 0;
