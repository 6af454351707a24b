import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionPerson } from "@/lib/account/session-service";
import { sessionOwnerTag } from "@/lib/account/session-clock";
import { db } from "@/lib/db/client";
import type { ObjectStorage } from "@/lib/storage/types";
import { UPLOAD_OWNER_CHANGED, UPLOAD_OWNER_MISSING } from "@/lib/auth/page-owner";
import { headshotJpeg } from "../../fixtures/images/make";
import { freshClient } from "../../support/accounts";
import { personWithSession, tempStorageForFile } from "../../support/collection";

// POST /api/attachments stores a file only for the person whose page sent it. The browser sends
// whatever cookie it holds: after another tab logged in as someone else, a page of the first
// person would otherwise store its file as the other's — an orphan nobody sees. The session is
// mocked here (next-auth's cookie is Next.js's business); everything after it is the real route.

let session: SessionPerson | null = null;
vi.mock("@/lib/auth/current-session", () => ({
  currentSession: async () => session,
}));
let storage: ObjectStorage;
vi.mock("@/lib/storage/storage", () => ({ getStorage: () => storage }));

const { POST } = await import("@/app/api/attachments/route");

const store = tempStorageForFile();

beforeEach(() => {
  storage = store.current.storage;
  session = null;
});

async function post(owner: string | null) {
  const bytes = await headshotJpeg();
  return POST(
    new NextRequest("http://localhost/api/attachments?kind=headshot", {
      method: "POST",
      headers: {
        host: "localhost",
        origin: "http://localhost",
        "content-type": "image/jpeg",
        "x-forwarded-for": freshClient().ip,
        ...(owner === null ? {} : { "x-kuaiji-owner": owner }),
      },
      body: new Uint8Array(bytes),
    }),
  );
}

const filesOf = (personId: string) => db.attachment.count({ where: { personId } });

describe("POST /api/attachments, whose page", () => {
  it("stores the file for the person whose page sent it", async () => {
    const a = await personWithSession(db);
    session = a;
    const res = await post(sessionOwnerTag({ personId: a.personId }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    expect(await filesOf(a.personId)).toBe(1);
  });

  it("refuses a page of A sent with B's session, storing nothing for either", async () => {
    const a = await personWithSession(db);
    const b = await personWithSession(db);
    session = b; // another tab logged in as B meanwhile
    const before = (await store.current.files()).length;
    const res = await post(sessionOwnerTag({ personId: a.personId }));
    expect(res.status).toBe(409);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(await res.json()).toEqual({ ok: false, message: UPLOAD_OWNER_CHANGED });
    expect(await filesOf(b.personId)).toBe(0);
    expect(await filesOf(a.personId)).toBe(0);
    expect(await store.current.files()).toHaveLength(before);
  });

  it("refuses an upload naming no page", async () => {
    const a = await personWithSession(db);
    session = a;
    for (const owner of [null, ""]) {
      const res = await post(owner);
      expect(res.status).toBe(428);
      expect(await res.json()).toEqual({ ok: false, message: UPLOAD_OWNER_MISSING });
    }
    expect(await filesOf(a.personId)).toBe(0);
  });

  it("still answers 登录已失效 first when nobody is logged in", async () => {
    const res = await post("any-tag");
    expect(res.status).toBe(401);
  });
});
