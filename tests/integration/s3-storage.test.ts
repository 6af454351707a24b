/**
 * The storage contract against a real S3 API: s3rver (an npm dev dependency) started
 * in-process on 127.0.0.1 with a random port and a throwaway directory, so CI needs no extra
 * service. It does not use the database that the integration project's globalSetup provides.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "@/lib/storage/s3";
import { describeStorageContract } from "@/lib/storage/storage.contract";

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;

// s3rver is CommonJS without type declarations; require it and describe the few members used.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

const BUCKET = "kuaiji-test";
let server: S3rverInstance | undefined;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kuaiji-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// s3rver accepts any well-formed signature with its fixed S3RVER/S3RVER credentials.
function s3(bucket = BUCKET): S3Storage {
  return new S3Storage({
    bucket,
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
}

describeStorageContract("S3 (s3rver)", () => s3(), {
  signedUrls: "fetchable",
  serverKeepsAbortedUploads: true,
});

describe("S3Storage specifics", () => {
  it("fails loudly for a missing bucket instead of reporting the object missing", async () => {
    await expect(s3("no-such-bucket").get("a/b")).rejects.toThrow();
  });

  it("signs URLs that stop working once expired", async () => {
    const storage = s3();
    await storage.put("expiry/one.png", Buffer.from([1, 2, 3]), { contentType: "image/png" });
    const url = await storage.signedUrl("expiry/one.png", { expiresInSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await fetch(url as string);
    expect(res.status).toBe(403);
    await res.arrayBuffer();
  });
});
