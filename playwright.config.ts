import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./tests/e2e/support/env";

// Real Chromium from Debian (/usr/bin/chromium): no browser downloads on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      // An accountant's flows on a 360 px phone: the tests tagged @phone (forms, menus, the
      // wizard, 长辈模式, dialogs). Staff work at desks, and a flow whose layout a phone does not
      // change (tab races, the exchange, the console) runs once, on desktop.
      name: "mobile-360",
      grep: /@phone/,
      use: {
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        launchOptions: chromium,
      },
    },
  ],
  // The platforms exactly as a user starts them (embedded default, `npm run demo:transfer`: 广东,
  // 深圳 and the national exchange), on fresh data directories, with the two documented test
  // switches on. Specs run against 广东 (baseURL); the transfer spec also uses 深圳.
  webServer: {
    command: `rm -rf ${E2E.dataDir} && node --import ./scripts/server-only/register.mjs --import tsx scripts/demo-transfer.ts`,
    url: `${E2E.baseURL}/api/ready`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1", // scripts/start.ts sets it too; nothing reaches Vercel
      KUAIJI_DEMO_PORT: String(E2E.port),
      KUAIJI_DATA_DIR: E2E.dataDir,
      KUAIJI_DB_PORT: String(E2E.dbPort),
      SMS_DRIVER: "outbox",
      SMS_OUTBOX_FILE: E2E.outbox,
      CAPTCHA_TEST_ANSWER: E2E.captcha,
      KUAIJI_ALLOW_TEST_SWITCHES: "1",
      // every test request comes from 127.0.0.1: lift the per-IP SMS cap, keep the per-phone ones
      KUAIJI_SMS_PER_IP_HOUR: "1000",
      KUAIJI_SMS_PER_IP_DAY: "5000",
      // … and the per-IP login limits: one spec's deliberate wrong passwords would otherwise put
      // a captcha before every later spec's login (tests/integration/account/login-limits.test.ts
      // attacks those limits)
      KUAIJI_LOGIN_PER_IP: "1000",
      KUAIJI_LOGIN_CAPTCHA_AFTER_IP_FAILURES: "1000",
      KUAIJI_CAPTCHA_PER_IP: "100000",
      // a person who registers and at once resets the password would wait a minute; tests don't
      KUAIJI_SMS_RESEND_SECONDS: "5",
      // enough generated people for the console's search and statistics, without 5,000 per
      // instance lengthening every start
      KUAIJI_DEMO_SCALE_PEOPLE: "500",
    },
  },
});
