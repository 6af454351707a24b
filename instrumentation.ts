// Runs once when a Next.js server instance starts, before it serves requests (nodejs runtime).
// Refuses to start when a test switch (CAPTCHA_TEST_ANSWER…) is set without
// KUAIJI_ALLOW_TEST_SWITCHES=1, and warns loudly when switches are active. Then seeds the holiday
// table from chinese-days where a year has no rows yet, and starts the job worker (lib/jobs;
// KUAIJI_JOBS=off for none; never on Vercel).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log/logger");

  // A real deployment (its own database) that forgot its SMS gateway would silently write every
  // code to a file nobody reads; the embedded default sets SMS_DRIVER=outbox on purpose.
  if (process.env.DATABASE_URL && !process.env.SMS_DRIVER) {
    logger.warn(
      "SMS_DRIVER 未设置：验证码只写入发件箱文件，用户收不到短信。生产环境请设置 SMS_DRIVER=aliyun。/ SMS_DRIVER is unset: codes go to the outbox file only.",
    );
  }
  await checkTestSwitches(logger);
  await checkConsoleNetwork(logger);

  if (process.env.DATABASE_URL) {
    const { db } = await import("./lib/db/client");
    const { seedHolidaysOnStart } = await import("./lib/workdays/holiday-service");
    await seedHolidaysOnStart(db);
  }
  const { startServerJobWorker } = await import("./lib/jobs/server");
  startServerJobWorker();
}

async function checkTestSwitches(logger: import("pino").Logger): Promise<void> {
  const { assertTestSwitchesAllowed, activeTestSwitches } =
    await import("./lib/config/test-switches");
  const active = activeTestSwitches(process.env);
  if (active.length === 0) return;
  try {
    assertTestSwitchesAllowed(process.env);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.fatal({ switches: active }, message);
    console.error(`\n✖ ${message}\n`);
    // (not `process.exit`: this file is also compiled for the edge runtime, which lacks it)
    const { exit } = process;
    exit(1);
  }
  const warning =
    `测试开关已启用：${active.join(", ")} —— 仅限自动化测试，切勿用于生产！` +
    ` / TEST SWITCHES ACTIVE: ${active.join(", ")} — for automated tests only, never in production!`;
  logger.warn({ switches: active }, warning);
  console.warn(`\n${"!".repeat(100)}\n!! ${warning}\n${"!".repeat(100)}\n`);
}

/** A malformed KUAIJI_CONSOLE_ALLOW_CIDRS stops the start, not the first staff request. */
async function checkConsoleNetwork(logger: import("pino").Logger): Promise<void> {
  const { parseConsoleCidrs } = await import("./lib/staff/console-network");
  try {
    if (parseConsoleCidrs(process.env.KUAIJI_CONSOLE_ALLOW_CIDRS)) {
      logger.info(
        { ranges: process.env.KUAIJI_CONSOLE_ALLOW_CIDRS },
        "财政部门管理端仅允许配置的地址段访问 / console restricted to the configured ranges",
      );
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.fatal(message);
    console.error(`\n✖ ${message}\n`);
    const { exit } = process;
    exit(1);
  }
}
