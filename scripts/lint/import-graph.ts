// The import graph behind `scripts/lint/check-imports.ts`, as pure functions over source texts
// (path → text), so the rules can be tested on small in-memory trees.
//
// Imports are read with the TypeScript parser, not regular expressions: multi-line imports,
// `export … from`, `import type`, dynamic `import()` and `typeof import()` all count.
import { isBuiltin } from "node:module";
import path from "node:path";
import ts from "typescript";

/** One import of one file: where it points and whether it survives compilation. */
export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The project file it resolves to (root-relative, "/"-separated); null for packages. */
  target: string | null;
  line: number;
  /** Erased by the compiler (`import type`, all-`type` specifiers, `typeof import()`). */
  typeOnly: boolean;
  dynamic: boolean;
}

export interface ParsedModule {
  path: string;
  /** The directive prologue: "use client", "use server", … */
  directives: string[];
  /** `import "server-only";` is the first statement after the directives. */
  marked: boolean;
  /** Where a misplaced `import "server-only"` sits, to move it to the top. */
  misplacedMarker: { start: number; end: number } | null;
  imports: ImportEdge[];
}

export type ModuleGraph = Map<string, ParsedModule>;

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".d.ts", "/index.ts", "/index.tsx"];

/** Test files and test helpers: not part of the application, so no rule applies to them. */
export function isTestFile(file: string): boolean {
  return /\.(test|spec)\.tsx?$|\.contract\.tsx?$|(^|\/)test-support\.tsx?$/.test(file);
}

/** The generated Prisma client: not ours to edit, and not part of the folder graph. */
export function isGenerated(file: string): boolean {
  return file.startsWith("lib/db/generated/");
}

/**
 * Resolves a specifier the way tsconfig's `paths` (`@/*` → `./*`) and the bundler do, against the
 * set of known project files. A project path that matches no file is kept as written (minus the
 * extension guess), so an import of a missing or generated file still names its folder.
 */
export function resolveSpecifier(spec: string, from: string, files: Set<string>): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith("./") || spec.startsWith("../"))
    base = path.posix.join(path.posix.dirname(from), spec);
  else return null;
  base = path.posix.normalize(base);
  if (files.has(base)) return base;
  const stem = base.replace(/\.(m?js|jsx)$/, "");
  for (const ext of SOURCE_EXTENSIONS) if (files.has(stem + ext)) return stem + ext;
  return base;
}

function allTypeOnly(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean {
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

/** Reads one file's directives, marker and imports. */
export function parseModule(file: string, text: string, files: Set<string>): ParsedModule {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const imports: ImportEdge[] = [];
  const add = (node: ts.Node, spec: string, typeOnly: boolean, dynamic = false) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const target = resolveSpecifier(spec, file, files);
    imports.push({ from: file, spec, target, line, typeOnly, dynamic });
  };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!bindings &&
            ts.isNamedImports(bindings) &&
            allTypeOnly(bindings.elements)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && allTypeOnly(clause.elements));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments[0] && isStringy(node.arguments[0])) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if (isImport || isRequire) add(node, node.arguments[0].text, false, isImport);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  const directives: string[] = [];
  let i = 0;
  for (; i < sf.statements.length; i++) {
    const s = sf.statements[i]!;
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    directives.push(s.expression.text);
  }
  const isMarker = (s: ts.Statement | undefined) =>
    !!s &&
    ts.isImportDeclaration(s) &&
    !s.importClause &&
    ts.isStringLiteral(s.moduleSpecifier) &&
    s.moduleSpecifier.text === "server-only";
  const marked = isMarker(sf.statements[i]);
  const misplaced = marked ? undefined : sf.statements.find(isMarker);
  return {
    path: file,
    directives,
    marked,
    misplacedMarker: misplaced ? { start: misplaced.getStart(sf), end: misplaced.end } : null,
    imports,
  };
}

function isStringy(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

export function buildGraph(sources: Map<string, string>, allFiles?: Set<string>): ModuleGraph {
  const files = allFiles ?? new Set(sources.keys());
  const graph: ModuleGraph = new Map();
  for (const [file, text] of sources) graph.set(file, parseModule(file, text, files));
  return graph;
}

// ---------------------------------------------------------------------------------------------
// a. Cycles between lib/* folders

/** "lib/ce" for lib/ce/credit-service.ts; null outside lib/. */
export function libFolder(file: string): string | null {
  const m = /^lib\/([^/]+)\//.exec(file);
  return m ? `lib/${m[1]}` : null;
}

/** folder → folder → the file-level imports that make that edge (every kind of import counts). */
export type FolderGraph = Map<string, Map<string, ImportEdge[]>>;

export function folderGraph(graph: ModuleGraph): FolderGraph {
  const out: FolderGraph = new Map();
  for (const mod of graph.values()) {
    const from = libFolder(mod.path);
    if (!from || isTestFile(mod.path) || isGenerated(mod.path)) continue;
    for (const edge of mod.imports) {
      const to = edge.target && libFolder(edge.target);
      if (!to || to === from) continue;
      const targets = out.get(from) ?? new Map<string, ImportEdge[]>();
      out.set(from, targets);
      targets.set(to, [...(targets.get(to) ?? []), edge]);
    }
  }
  return out;
}

/**
 * The elementary cycles of the folder graph, shortest first, each starting at its
 * alphabetically first folder (so every cycle is listed once). Stops after `limit` cycles:
 * a tangled graph has exponentially many, and the short ones say what to untangle.
 */
export function findCycles(folders: FolderGraph, limit = 50): string[][] {
  const nodes = [
    ...new Set([...folders.keys(), ...[...folders.values()].flatMap((m) => [...m.keys()])]),
  ].sort();
  const next = (n: string) => [...(folders.get(n)?.keys() ?? [])].sort();
  const cycles: string[][] = [];
  for (let length = 2; length <= nodes.length && cycles.length < limit; length++) {
    for (const start of nodes) {
      // only cycles whose smallest folder is `start`: each cycle is found from one place only
      const walk = (pathSoFar: string[]) => {
        if (cycles.length >= limit) return;
        const last = pathSoFar[pathSoFar.length - 1]!;
        for (const n of next(last)) {
          if (n === start && pathSoFar.length === length) cycles.push([...pathSoFar, start]);
          else if (n > start && !pathSoFar.includes(n) && pathSoFar.length < length)
            walk([...pathSoFar, n]);
          if (cycles.length >= limit) return;
        }
      };
      walk([start]);
    }
  }
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// b./c. Server-only code

/** Packages whose presence makes a module server-only, with the reason shown to the reader. */
export function serverOnlyPackage(spec: string): string | null {
  if (spec === "server-only") return 'is marked import "server-only"';
  if (spec.startsWith("node:") || isBuiltin(spec)) return "is a Node built-in";
  if (spec === "next/headers") return "reads the request (next/headers)";
  const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  const scope = pkg.startsWith("@") ? pkg.split("/")[0] : null;
  if (scope === "@prisma" || scope === "@aws-sdk" || scope === "@electric-sql")
    return "is a server package";
  if (["pg", "sharp", "@node-rs/argon2", "pino", "svg-captcha"].includes(pkg))
    return "is a server package";
  // next-auth's server side (getServerSession, providers, jwt); next-auth/react is the client's
  if (pkg === "next-auth" && spec !== "next-auth/react") return "is a server package";
  return null;
}

/** lib/db is server-only as a whole: the Prisma client and the generated code. */
export function isServerOnlyPath(file: string): boolean {
  return file.startsWith("lib/db/");
}

/** A step towards server-only code: the import taken, or the path rule that made it a root. */
export type ServerStep = { edge: ImportEdge; reason?: string } | { path: string; reason: string };

/**
 * Every project module that reaches server-only code through imports that survive compilation,
 * with the first step of a shortest path there (follow it to print the whole chain). Importing a
 * "use server" module does not count: its importers get references to its actions, not its code.
 */
export function serverModules(graph: ModuleGraph): Map<string, ServerStep> {
  const why = new Map<string, ServerStep>();
  const importers = new Map<string, ImportEdge[]>();
  const queue: string[] = [];
  const reach = (file: string, step: ServerStep) => {
    if (why.has(file)) return;
    why.set(file, step);
    queue.push(file);
  };
  for (const mod of graph.values()) {
    if (isServerOnlyPath(mod.path))
      reach(mod.path, { path: mod.path, reason: "lib/db is server-only" });
  }
  for (const mod of graph.values()) {
    for (const edge of mod.imports) {
      if (edge.typeOnly) continue;
      if (edge.target === null) {
        const reason = serverOnlyPackage(edge.spec);
        if (reason) reach(mod.path, { edge, reason });
      } else if (!graph.get(edge.target)?.directives.includes("use server")) {
        if (isServerOnlyPath(edge.target))
          reach(edge.target, { path: edge.target, reason: "lib/db is server-only" });
        importers.set(edge.target, [...(importers.get(edge.target) ?? []), edge]);
      }
    }
  }
  while (queue.length) {
    const file = queue.shift()!;
    for (const edge of importers.get(file) ?? []) reach(edge.from, { edge });
  }
  return why;
}

/** "a.ts → b.ts → node:crypto (is a Node built-in)": why a module is server-only. */
export function serverChain(file: string, why: Map<string, ServerStep>): string {
  const parts = [file];
  const seen = new Set([file]);
  let step = why.get(file);
  while (step) {
    if ("path" in step) return `${parts.join(" → ")} (${step.reason})`;
    const { edge } = step;
    if (edge.target === null) return `${parts.join(" → ")} → ${edge.spec} (${step.reason})`;
    if (seen.has(edge.target)) break;
    parts.push(edge.target);
    seen.add(edge.target);
    step = why.get(edge.target);
  }
  return parts.join(" → ");
}

export interface ClientViolation {
  /** How client code reaches the import: seed → … → the importing module. */
  clientChain: string[];
  edge: ImportEdge;
  /** Why the imported module is server-only. */
  serverChain: string;
}

export interface ClientReach {
  /**
   * Every module the browser may load, with the module that pulls it in (null for a seed): the
   * seeds and everything they import at run time, up to but not into server actions.
   */
  reachable: Map<string, string | null>;
  violations: ClientViolation[];
}

/**
 * Walks from the client files ("use client") along imports that survive compilation, then from
 * the modules declared client-safe that no client file imports yet. A "use server" module is a
 * boundary: the client receives a reference to its actions, never its code. Each import by
 * which client code first enters server-only code is reported, with how the client got there
 * and why the target is server-only — the place to cut. (A seed is client code by definition, so
 * its own imports are checked; imports further inside server-only code are not reported again.)
 */
export function clientReach(
  graph: ModuleGraph,
  why: Map<string, ServerStep>,
  clientFiles: string[],
  declaredSafe: string[] = [],
): ClientReach {
  const seeds = new Set([...clientFiles, ...declaredSafe]);
  const parent = new Map<string, string | null>();
  const violations: ClientViolation[] = [];
  const chainTo = (file: string) => {
    const chain: string[] = [];
    for (let f: string | null | undefined = file; f; f = parent.get(f)) chain.unshift(f);
    return chain;
  };
  const walk = (starts: string[]) => {
    const queue = starts.filter((f) => graph.has(f) && !parent.has(f)).sort();
    for (const f of queue) parent.set(f, null);
    while (queue.length) {
      const file = queue.shift()!;
      const inServer = why.has(file) && !seeds.has(file);
      for (const edge of graph.get(file)!.imports) {
        if (edge.typeOnly) continue;
        if (edge.target === null) {
          const reason = serverOnlyPackage(edge.spec);
          if (reason && !inServer)
            violations.push({
              clientChain: chainTo(file),
              edge,
              serverChain: `${edge.spec} (${reason})`,
            });
          continue;
        }
        if (graph.get(edge.target)?.directives.includes("use server")) continue;
        if (!inServer && why.has(edge.target) && !seeds.has(edge.target))
          violations.push({
            clientChain: chainTo(file),
            edge,
            serverChain: serverChain(edge.target, why),
          });
        if (parent.has(edge.target) || !graph.has(edge.target)) continue;
        parent.set(edge.target, file);
        queue.push(edge.target);
      }
    }
  };
  walk(clientFiles);
  walk(declaredSafe);
  return { reachable: parent, violations };
}

export interface UnmarkedModule {
  path: string;
  chain: string;
  misplacedMarker: ParsedModule["misplacedMarker"];
}

/**
 * lib modules that reach server-only code but do not start with `import "server-only";`.
 * Client-reachable modules are left to the client check: marking them would break the build,
 * the import that makes them server-only has to move instead.
 */
export function unmarkedServerModules(
  graph: ModuleGraph,
  why: Map<string, ServerStep>,
  clientReachable: Map<string, unknown>,
): UnmarkedModule[] {
  const out: UnmarkedModule[] = [];
  for (const mod of graph.values()) {
    if (!mod.path.startsWith("lib/") || isTestFile(mod.path) || isGenerated(mod.path)) continue;
    if (mod.marked || !why.has(mod.path) || clientReachable.has(mod.path)) continue;
    out.push({
      path: mod.path,
      chain: serverChain(mod.path, why),
      misplacedMarker: mod.misplacedMarker,
    });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The text with `import "server-only";` as its first statement, after any directive prologue
 * ("use server"): right before the first import (a header comment stays on top), or above the
 * first declaration and its doc comment. A marker further down is moved up.
 */
export function insertMarker(file: string, text: string): string {
  const parsed = parseModule(file, text, new Set());
  if (parsed.marked) return text;
  if (parsed.misplacedMarker) {
    const { start, end } = parsed.misplacedMarker;
    const lineEnd = text[end] === "\n" ? end + 1 : end;
    text = text.slice(0, start) + text.slice(lineEnd);
  }
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const first = sf.statements[parsed.directives.length];
  const marker = 'import "server-only";\n';
  if (!first) return text.replace(/\n*$/, "\n\n") + marker;
  let at = first.getStart(sf);
  if (ts.isImportDeclaration(first)) return text.slice(0, at) + marker + text.slice(at);
  // before a declaration: above its doc comment (the comments with no blank line before it)
  const comments = ts.getLeadingCommentRanges(text, first.pos) ?? [];
  for (let c = comments.length - 1; c >= 0; c--) {
    if (/\n[ \t]*\n/.test(text.slice(comments[c]!.end, at))) break;
    at = comments[c]!.pos;
  }
  return text.slice(0, at) + marker + "\n" + text.slice(at);
}
