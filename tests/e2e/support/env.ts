import path from "node:path";

/**
 * Where the end-to-end platforms run and write; shared by the config and the tests. The suite
 * runs `npm run demo:transfer` (scripts/demo/instances.ts): 广东 — the platform every spec but the
 * transfer's uses — on `port`, 深圳 on port + 1, the national exchange on port + 2, databases
 * likewise from `dbPort`, all under `dataDir/demo`, all writing SMS to one `outbox`.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? "test-results/e2e-data");

/** E2E_PORT and E2E_DATA_DIR move a second run (another checkout) out of the first one's way. */
export const E2E = {
  port,
  dbPort: Number(process.env.E2E_DB_PORT ?? 54339),
  baseURL: `http://127.0.0.1:${port}`,
  shenzhenURL: `http://127.0.0.1:${port + 1}`,
  dataDir,
  outbox: path.join(dataDir, "sms-outbox.jsonl"),
  captcha: "test",
};
