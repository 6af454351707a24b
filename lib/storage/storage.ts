/**
 * Picks the storage driver once per process.
 *
 * Env:
 *   STORAGE_DRIVER  "local" | "s3". When unset: "s3" if S3_BUCKET is set, otherwise "local".
 *
 * Why S3_BUCKET alone switches to S3: a deployment that configured a bucket but forgot
 * STORAGE_DRIVER would otherwise write personal documents to the container's ephemeral disk
 * and lose them on the next deploy — failing over to the bucket is the safer surprise. An
 * explicit STORAGE_DRIVER always wins (e.g. "local" to ignore a bucket in a dev shell).
 * Driver-specific variables are documented in local-disk.ts and s3.ts.
 */
import "server-only";
import { localDiskStorageFromEnv } from "./local-disk";
import { s3StorageFromEnv } from "./s3";
import type { ObjectStorage } from "./types";

export type StorageDriver = "local" | "s3";

export function storageDriver(env: NodeJS.ProcessEnv = process.env): StorageDriver {
  const explicit = env.STORAGE_DRIVER;
  if (explicit === undefined || explicit === "") return env.S3_BUCKET ? "s3" : "local";
  if (explicit === "local" || explicit === "s3") return explicit;
  throw new Error(`未知的存储驱动 STORAGE_DRIVER=${explicit}（可选：local、s3）`);
}

export function createStorage(env: NodeJS.ProcessEnv = process.env): ObjectStorage {
  return storageDriver(env) === "s3" ? s3StorageFromEnv(env) : localDiskStorageFromEnv(env);
}

// On globalThis so Next.js dev reloads reuse the S3 client (and its socket pool).
const globalForStorage = globalThis as unknown as { kuaijiStorage?: ObjectStorage };

export function getStorage(): ObjectStorage {
  globalForStorage.kuaijiStorage ??= createStorage();
  return globalForStorage.kuaijiStorage;
}
