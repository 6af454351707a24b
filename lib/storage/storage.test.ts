import { describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage, s3ConfigFromEnv } from "./s3";
import { createStorage, storageDriver } from "./storage";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("driver selection", () => {
  it("defaults to local disk", () => {
    expect(storageDriver(env({}))).toBe("local");
    expect(createStorage(env({ KUAIJI_DATA_DIR: "/tmp/x" }))).toBeInstanceOf(LocalDiskStorage);
  });

  it("switches to S3 when a bucket is configured", () => {
    expect(storageDriver(env({ S3_BUCKET: "kuaiji" }))).toBe("s3");
    expect(createStorage(env({ S3_BUCKET: "kuaiji" }))).toBeInstanceOf(S3Storage);
  });

  it("lets an explicit STORAGE_DRIVER win", () => {
    expect(storageDriver(env({ STORAGE_DRIVER: "local", S3_BUCKET: "kuaiji" }))).toBe("local");
    expect(storageDriver(env({ STORAGE_DRIVER: "s3", S3_BUCKET: "kuaiji" }))).toBe("s3");
  });

  it("fails clearly on an unknown driver or a bucket-less S3", () => {
    expect(() => storageDriver(env({ STORAGE_DRIVER: "ftp" }))).toThrow("STORAGE_DRIVER=ftp");
    expect(() => createStorage(env({ STORAGE_DRIVER: "s3" }))).toThrow("S3_BUCKET");
  });
});

describe("s3ConfigFromEnv", () => {
  it("reads defaults and flags", () => {
    expect(s3ConfigFromEnv(env({ S3_BUCKET: "b" }))).toEqual({
      bucket: "b",
      region: "us-east-1",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
    const full = s3ConfigFromEnv(
      env({
        S3_BUCKET: "b",
        S3_REGION: "cn-guangzhou",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
      }),
    );
    expect(full).toMatchObject({
      region: "cn-guangzhou",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
    });
    expect(full.credentials).toEqual({ accessKeyId: "id", secretAccessKey: "secret" });
    expect(s3ConfigFromEnv(env({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "1" })).forcePathStyle).toBe(
      true,
    );
  });

  it("refuses half a credential pair", () => {
    expect(() => s3ConfigFromEnv(env({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" }))).toThrow(
      "S3_SECRET_ACCESS_KEY",
    );
  });
});
