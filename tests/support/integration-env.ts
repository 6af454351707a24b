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
// The platform's exchange as configured in production, pointing at a closed port: the outbox job
// finds a hub that never answers (tests that talk to a hub set their own).
process.env.EXCHANGE_HUB_URL ??= "http://127.0.0.1:9";
process.env.EXCHANGE_MEMBER_SECRET ??= "integration-tests-exchange-secret-0123456789";
