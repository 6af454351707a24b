import { defineConfig } from "vitest/config";
import path from "node:path";

// Three projects: `unit` (pure domain rules, no database), `integration` (services and actions
// against a real database: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set) and
// `system` (the hub and two platforms as real processes on loopback, tests/system/cluster.ts:
// each its own PGlite, or its own PostgreSQL database when TEST_DATABASE_URL is set).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `import "server-only"` throws outside a React Server Components bundle; tests load server
      // modules directly, so they get the package's own empty module (scripts: the same through
      // scripts/server-only/register.mjs).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // next-intl imports "next/server" without an extension, which Node's ESM loader refuses
    // outside Next.js: vitest bundles it instead (proxy.ts's test runs its middleware).
    server: { deps: { inline: ["next-intl"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "app/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/db-global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          // One step of a scenario waits on three processes; starting them takes the hook.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
