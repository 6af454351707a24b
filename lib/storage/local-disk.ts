/**
 * Local-disk driver, the default: objects live under `${KUAIJI_DATA_DIR ?? ".data"}/objects`.
 *
 * Env:
 *   KUAIJI_DATA_DIR  data directory shared with the embedded database (default ".data");
 *                    objects go to its `objects/` subdirectory.
 *
 * Layout: `data/<key>` holds the bytes, `meta/<key>.json` the content type, `tmp/` the
 * half-written files. Keeping the trees apart means no key can collide with a sidecar.
 * A put writes both files into tmp/, fsyncs them and renames them into place, meta first: the
 * data file is the commit point, so a reader sees either the old object or the complete new
 * one, and never an object without its content type. Delete removes data first for the same
 * reason. Empty directories left behind by deletes are harmless and not cleaned up.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import { assertValidContentType } from "./content-type";
import { assertValidStorageKey } from "./key";
import { assertContentLength, ContentLengthMismatchError, enforceLength } from "./length-check";
import type { ObjectStorage, PutOptions, StoredObject } from "./types";

// People's documents: readable by the platform's own user only, whatever the umask.
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

const FALLBACK_CONTENT_TYPE = "application/octet-stream";

export function localStorageDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.KUAIJI_DATA_DIR || ".data", "objects");
}

export class LocalDiskStorage implements ObjectStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  async put(key: string, body: Buffer | Uint8Array | Readable, options: PutOptions): Promise<void> {
    assertValidStorageKey(key);
    assertValidContentType(options.contentType);
    assertContentLength(options.contentLength);
    const dataPath = this.pathFor("data", key);
    const metaPath = this.pathFor("meta", key) + ".json";
    const tmpDir = path.join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true, mode: PRIVATE_DIR });
    const tmpData = path.join(tmpDir, randomUUID());
    const tmpMeta = `${tmpData}.json`;
    try {
      await writeBody(tmpData, body, options.contentLength);
      await writeFile(tmpMeta, JSON.stringify({ contentType: options.contentType }), {
        flag: "wx",
        mode: PRIVATE_FILE,
      });
      await fsync(tmpData);
      await fsync(tmpMeta);
      await mkdir(path.dirname(metaPath), { recursive: true, mode: PRIVATE_DIR });
      await mkdir(path.dirname(dataPath), { recursive: true, mode: PRIVATE_DIR });
      await rename(tmpMeta, metaPath);
      await rename(tmpData, dataPath);
    } finally {
      await rm(tmpData, { force: true });
      await rm(tmpMeta, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidStorageKey(key);
    let handle;
    try {
      handle = await open(this.pathFor("data", key), "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      const contentType = await this.readContentType(key);
      // Reading from the open handle keeps the bytes consistent even if the object is
      // replaced or deleted while the response is streaming.
      return { body: handle.createReadStream(), contentType, contentLength: info.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    await unlinkIfPresent(this.pathFor("data", key));
    await unlinkIfPresent(this.pathFor("meta", key) + ".json");
  }

  async exists(key: string): Promise<boolean> {
    assertValidStorageKey(key);
    try {
      return (await stat(this.pathFor("data", key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** No signed URLs on local disk: serve through a route handler with `storageResponse`. */
  async signedUrl(key: string): Promise<string | null> {
    assertValidStorageKey(key);
    return null;
  }

  async *list(prefix = ""): AsyncIterable<string> {
    const base = path.join(this.root, "data");
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(
      (error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      },
    );
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const key = path
        .relative(base, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join("/");
      if (key.startsWith(prefix)) yield key;
    }
  }

  private pathFor(area: "data" | "meta", key: string): string {
    const base = path.join(this.root, area);
    const full = path.join(base, ...key.split("/"));
    // The key pattern already rules out traversal; this is the belt to its braces.
    if (!full.startsWith(base + path.sep)) throw new Error("对象路径越界");
    return full;
  }

  private async readContentType(key: string): Promise<string> {
    try {
      const meta = JSON.parse(await readFile(this.pathFor("meta", key) + ".json", "utf8")) as {
        contentType?: unknown;
      };
      return typeof meta.contentType === "string" ? meta.contentType : FALLBACK_CONTENT_TYPE;
    } catch (error) {
      // Only possible for files placed by hand (meta is renamed before data).
      if (isMissing(error)) return FALLBACK_CONTENT_TYPE;
      throw error;
    }
  }
}

async function writeBody(
  file: string,
  body: Buffer | Uint8Array | Readable,
  contentLength: number | undefined,
): Promise<void> {
  if (body instanceof Uint8Array) {
    if (contentLength !== undefined && contentLength !== body.byteLength)
      throw new ContentLengthMismatchError(contentLength);
    await writeFile(file, body, { flag: "wx", mode: PRIVATE_FILE });
    return;
  }
  const sink = createWriteStream(file, { flags: "wx", mode: PRIVATE_FILE });
  if (contentLength === undefined) await pipeline(body, sink);
  else await pipeline(body, enforceLength(contentLength), sink);
}

async function fsync(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function unlinkIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    // EISDIR: the "key" is only a directory holding other keys, so there is no such object.
    if (isMissing(error) || codeOf(error) === "EISDIR") return;
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function isMissing(error: unknown): boolean {
  const code = codeOf(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

export function localDiskStorageFromEnv(env: NodeJS.ProcessEnv = process.env): LocalDiskStorage {
  return new LocalDiskStorage(localStorageDir(env));
}
