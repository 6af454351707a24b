// Crypto micro-benchmarks: argon2id password hashing, field encryption (SM4 and AES-256-GCM),
// the ID-number blind index. Run before any database is started so the peak-RSS figures are
// argon2's own and not PGlite's.
import { hashPassword, verifyPassword } from "@/lib/crypto/password-hash";
import { decryptField, encryptField } from "@/lib/crypto/field-cipher";
import { idNumberIndex } from "@/lib/crypto/blind-index";
import type { FieldCipherAlg } from "@/lib/crypto/keys";
import { randomResidentId } from "../../tests/support/accounts";
import { peakRssMiB, percentile, perSecond, runConcurrent, syncOpsPerSecond } from "./measure";
import type { Figure } from "./report";

const PASSWORD = "Acc0unt!ng-bench";
const SEQUENTIAL_HASHES = 30;
const CONCURRENT_HASHES = 40;
const CONCURRENCY = 8;

export async function cryptoFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const baseline = peakRssMiB();

  const hashes: string[] = [];
  const hashRun = await runConcurrent(1, SEQUENTIAL_HASHES, 3_000, async () => {
    hashes.push(await hashPassword(PASSWORD));
  });
  let i = 0;
  const verifyRun = await runConcurrent(1, SEQUENTIAL_HASHES, 3_000, async () => {
    if (!(await verifyPassword(hashes[i++ % hashes.length]!, PASSWORD)))
      throw new Error("verifyPassword refused its own hash");
  });
  const sequentialPeak = peakRssMiB() - baseline;
  const parallelRun = await runConcurrent(CONCURRENCY, CONCURRENT_HASHES, 4_000, async () => {
    await hashPassword(PASSWORD);
  });
  const parallelPeak = peakRssMiB() - baseline;

  figures.push(
    {
      label: "hashPassword p50 (sequential)",
      unit: "ms/op",
      value: percentile(hashRun.latencies, 50),
      digits: 1,
    },
    {
      label: "hashPassword p95 (sequential)",
      unit: "ms/op",
      value: percentile(hashRun.latencies, 95),
      digits: 1,
    },
    {
      label: "verifyPassword p50 (sequential)",
      unit: "ms/op",
      value: percentile(verifyRun.latencies, 50),
      digits: 1,
    },
    {
      label: "verifyPassword p95 (sequential)",
      unit: "ms/op",
      value: percentile(verifyRun.latencies, 95),
      digits: 1,
    },
    {
      label: "peak RSS delta, sequential hash+verify",
      unit: "MiB",
      value: sequentialPeak,
      digits: 1,
    },
    {
      label: `hashPassword throughput (concurrency ${CONCURRENCY})`,
      unit: "hashes/s",
      value: perSecond(parallelRun),
      digits: 1,
    },
    {
      label: `hashPassword p95 (concurrency ${CONCURRENCY})`,
      unit: "ms/op",
      value: percentile(parallelRun.latencies, 95),
      digits: 1,
    },
    {
      label: `peak RSS delta, concurrency ${CONCURRENCY}`,
      unit: "MiB",
      value: parallelPeak,
      digits: 1,
    },
  );

  const idNumbers = Array.from({ length: 256 }, () => randomResidentId());
  const savedCipher = process.env.KUAIJI_CIPHER;
  try {
    for (const alg of ["sm4", "aes-256-gcm"] as const satisfies readonly FieldCipherAlg[]) {
      // The service path: the keyring comes from env (cached per env values) on every call.
      process.env.KUAIJI_CIPHER = alg;
      const envelopes = idNumbers.map((n) => encryptField(n));
      figures.push(
        {
          label: `encryptField ${alg}`,
          unit: "ops/s",
          value: syncOpsPerSecond((k) => encryptField(idNumbers[k & 255]!)),
        },
        {
          label: `decryptField ${alg}`,
          unit: "ops/s",
          value: syncOpsPerSecond((k) => decryptField(envelopes[k & 255]!)),
        },
      );
    }
  } finally {
    if (savedCipher === undefined) delete process.env.KUAIJI_CIPHER;
    else process.env.KUAIJI_CIPHER = savedCipher;
  }
  figures.push({
    label: "idNumberIndex (HMAC-SM3)",
    unit: "ops/s",
    value: syncOpsPerSecond((k) => idNumberIndex(idNumbers[k & 255]!)),
  });
  return figures;
}
