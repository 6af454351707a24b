import type { Readable } from "node:stream";

export interface PutOptions {
  /** Stored with the object and sent back as Content-Type when it is served. */
  contentType: string;
  /**
   * Byte length when known. Required by S3 to stream a Readable without buffering it; when it
   * is given and the body turns out longer or shorter, the put fails and nothing is stored.
   */
  contentLength?: number;
}

export interface StoredObject {
  body: Readable;
  contentType: string;
  contentLength?: number;
}

export interface SignedUrlOptions {
  /** Kept short (the drivers cap it): a signed URL works for anyone who holds it. */
  expiresInSeconds: number;
  /** Suggested file name for the browser (Content-Disposition). */
  filename?: string;
  /** `attachment` instead of `inline`. */
  download?: boolean;
}

/**
 * Binary object storage. Keys must pass `assertValidStorageKey` (lib/storage/key.ts); every
 * method rejects with `InvalidStorageKeyError` otherwise. Access control is the caller's job.
 */
export interface ObjectStorage {
  /** Replaces any existing object with the same key. */
  put(key: string, body: Buffer | Uint8Array | Readable, options: PutOptions): Promise<void>;
  /** `null` when there is no such object. The caller must consume or destroy `body`. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * A short-lived URL the browser can fetch directly, or `null` when the driver has no such
   * mechanism (local disk): then serve the bytes through a route with `storageResponse`.
   * It does not check that the object exists.
   */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string | null>;
  /**
   * Every stored key that starts with `prefix` (all keys when omitted), in no promised order.
   * For whole-store work (backups); request paths never list.
   */
  list(prefix?: string): AsyncIterable<string>;
}
