import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from the schema. The CLI is only used for
// `generate` on these machines (see CONTRIBUTING.md); migrations run through scripts/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kuaiji" },
});
