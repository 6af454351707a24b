#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find. Fails on the first error.
# The data-layer suite runs on the embedded PGlite always, and again on PostgreSQL when
# TEST_DATABASE_URL is set (CI sets it; a machine without PostgreSQL simply skips that pass).
set -euo pipefail
cd "$(dirname "$0")/.."
# Next.js's telemetry stays off for `next build` and every server the suites start.
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$1"; }

step "generate Prisma client"
npm run -s db:generate >/dev/null

step "lint and format"
npx eslint . --max-warnings=0
node --import tsx scripts/lint/check-imports.ts
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }

step "typecheck"
npx tsc --noEmit

step "unit tests"
npx vitest run --project unit

step "integration tests on embedded PGlite (incl. S3 contract against s3rver)"
env -u TEST_DATABASE_URL npx vitest run --project integration

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests on PostgreSQL ($TEST_DATABASE_URL)"
  npx vitest run --project integration
else
  echo "(TEST_DATABASE_URL not set: PostgreSQL pass skipped)"
fi

step "system tests: the hub, 广东 and 深圳 as processes on loopback (PGlite; PostgreSQL with TEST_DATABASE_URL)"
npx vitest run --project system

step "next build"
npx next build

step "end-to-end tests (Playwright, real Chromium, embedded default)"
npx playwright test
