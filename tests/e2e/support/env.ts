import path from "node:path";

/** Where the end-to-end platform runs and writes; shared by the config and the tests. */
export const E2E = {
  port: 3100,
  dbPort: 54339,
  baseURL: "http://127.0.0.1:3100",
  dataDir: path.resolve("test-results/e2e-data"),
  outbox: path.resolve("test-results/e2e-data/sms-outbox.jsonl"),
  captcha: "test",
};
