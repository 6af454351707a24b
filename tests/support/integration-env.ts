import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Test switches, exactly as outside suites use them: codes land in an outbox file and the
// captcha accepts one known answer.
process.env.SMS_DRIVER = "outbox";
process.env.SMS_OUTBOX_FILE ??= path.join(
  mkdtempSync(path.join(tmpdir(), "kuaiji-sms-")),
  "outbox.jsonl",
);
process.env.CAPTCHA_TEST_ANSWER = "test";
process.env.KUAIJI_ALLOW_TEST_SWITCHES = "1";
