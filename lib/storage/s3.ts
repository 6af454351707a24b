/**
 * S3-compatible driver (AWS S3, MinIO, Aliyun OSS, Tencent COS, s3rver in tests).
 *
 * Env:
 *   S3_BUCKET             bucket name (required; setting it also selects this driver, see storage.ts)
 *   S3_REGION             default "us-east-1"
 *   S3_ENDPOINT           e.g. https://oss-cn-guangzhou.aliyuncs.com; unset = AWS
 *   S3_ACCESS_KEY_ID      with S3_SECRET_ACCESS_KEY; both unset = the AWS SDK's default
 *   S3_SECRET_ACCESS_KEY  credential chain (instance role etc.)
 *   S3_FORCE_PATH_STYLE   "1"/"true" for http://endpoint/bucket/key (MinIO, s3rver)
 *
 * Checksums are computed only when an operation requires them ("WHEN_REQUIRED"): the SDK's
 * newer default adds CRC32 trailers that several S3-compatible services do not understand
 * (s3rver stores streamed uploads corrupted with them).
 */
import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { contentDisposition } from "./content-disposition";
import { assertValidContentType } from "./content-type";
import { assertValidStorageKey } from "./key";
import { assertContentLength, ContentLengthMismatchError, enforceLength } from "./length-check";
import type { ObjectStorage, PutOptions, SignedUrlOptions, StoredObject } from "./types";

export interface S3StorageConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Signed URLs are bearer tokens for personal documents: an hour at most. */
export const MAX_SIGNED_URL_SECONDS = 3600;

export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): S3StorageConfig {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error("S3_BUCKET 未设置：使用 S3 存储时必须指定存储桶");
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("S3_ACCESS_KEY_ID 与 S3_SECRET_ACCESS_KEY 必须同时设置（或都不设置）");
  }
  return {
    bucket,
    region: env.S3_REGION || "us-east-1",
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: ["1", "true"].includes((env.S3_FORCE_PATH_STYLE ?? "").toLowerCase()),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Buffer | Uint8Array | Readable, options: PutOptions): Promise<void> {
    assertValidStorageKey(key);
    assertValidContentType(options.contentType);
    assertContentLength(options.contentLength);
    const base = { Bucket: this.bucket, Key: key, ContentType: options.contentType };
    if (body instanceof Uint8Array || options.contentLength === undefined) {
      // S3 needs the length up front. Without it a stream is read into memory first; uploads
      // here are photos and scans of a few MB, so that is acceptable — pass contentLength for
      // anything bigger.
      const bytes = body instanceof Uint8Array ? body : await buffer(body);
      if (options.contentLength !== undefined && options.contentLength !== bytes.byteLength) {
        throw new ContentLengthMismatchError(options.contentLength);
      }
      await this.client.send(
        new PutObjectCommand({ ...base, Body: bytes, ContentLength: bytes.byteLength }),
      );
      return;
    }
    await this.putStream(base, body, options.contentLength);
  }

  /**
   * The SDK pipes the body into the HTTP request without watching it for errors, so a stream
   * that fails or ends short would leave the request hanging: abort it ourselves.
   */
  private async putStream(
    base: { Bucket: string; Key: string; ContentType: string },
    body: Readable,
    length: number,
  ): Promise<void> {
    const checked = enforceLength(length);
    const abort = new AbortController();
    let streamError: unknown;
    const piping = pipeline(body, checked).catch((error: unknown) => {
      streamError = error;
      abort.abort();
    });
    try {
      await this.client.send(
        new PutObjectCommand({ ...base, Body: checked, ContentLength: length }),
        {
          abortSignal: abort.signal,
        },
      );
    } catch (error) {
      await piping;
      throw streamError ?? error;
    }
    await piping;
    if (streamError) throw streamError;
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidStorageKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(out.Body instanceof Readable)) throw new Error("S3 返回的对象内容不是 Node 流");
      return {
        body: out.Body,
        contentType: out.ContentType ?? "application/octet-stream",
        contentLength: out.ContentLength,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    // S3 answers 204 whether or not the object existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async *list(prefix = ""): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string | null> {
    assertValidStorageKey(key);
    const seconds = options.expiresInSeconds;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SIGNED_URL_SECONDS) {
      throw new RangeError(`签名链接有效期必须是 1–${MAX_SIGNED_URL_SECONDS} 秒的整数`);
    }
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseCacheControl: "no-store",
      ResponseContentDisposition:
        options.download || options.filename !== undefined
          ? contentDisposition(options.download ? "attachment" : "inline", options.filename)
          : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: seconds });
  }
}

/** NoSuchKey (GET) / NotFound (HEAD, no body to name the error). NoSuchBucket still throws. */
function isNotFound(error: unknown): boolean {
  const name =
    typeof error === "object" && error !== null && "name" in error
      ? (error as { name: unknown }).name
      : undefined;
  return name === "NoSuchKey" || name === "NotFound";
}

export function s3StorageFromEnv(env: NodeJS.ProcessEnv = process.env): S3Storage {
  return new S3Storage(s3ConfigFromEnv(env));
}
