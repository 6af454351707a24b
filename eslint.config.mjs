import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const ROOT = import.meta.dirname;

/** The project path ("lib/db/client") an import points to, or null for a package. */
function importedPath(spec, filename) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (!spec.startsWith("./") && !spec.startsWith("../")) return null;
  return path
    .relative(ROOT, path.resolve(path.dirname(filename), spec))
    .split(path.sep)
    .join("/");
}

/**
 * Which lib/db imports a file may have. A file's place decides for components/** and pages; a
 * "use client" directive decides anywhere else, since client files sit next to their page.
 */
const dbImports = {
  meta: {
    type: "problem",
    docs: { description: "Prisma stays behind lib/db and the domain services" },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join("/");
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === "ExpressionStatement" && node.directive === "use client",
    );
    const isPage = file.startsWith("app/") && file.endsWith(".tsx");
    let message;
    let forbidden;
    if (isClient || file.startsWith("components/")) {
      message = "组件不得直接访问数据库：通过 lib/<domain> 的服务。";
      forbidden = (p) => p === "lib/db" || p.startsWith("lib/db/");
    } else if (isPage) {
      message = "页面只把 db（lib/db/client）交给服务：Prisma 的类型和查询留在 lib/<domain>。";
      forbidden = (p) => p === "lib/db/generated" || p.startsWith("lib/db/generated/");
    } else return {};
    const check = (source) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const target = importedPath(source.value, context.filename);
      if (target !== null && forbidden(target)) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/db/generated/**",
      ".data/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    // Prisma is reached only through lib/db and the domain services (CONTRIBUTING.md): client
    // components and components/** never import lib/db; pages and layouts import at most `db`
    // from lib/db/client, to hand it to a service — never the generated client.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { kuaiji: { rules: { "db-imports": dbImports } } },
    rules: { "kuaiji/db-imports": "error" },
  },
];

export default config;
