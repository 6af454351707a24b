import type { CollectionSnapshot } from "@/lib/collection/archive-service";
import type { UploadKind } from "@/lib/upload/kinds";

// How a transferred archive (the exchange's snapshot and its files) maps onto this platform's
// records: which upload kind each file is, and the data steps it becomes — with the files' ids
// here and 所属行政区划 the county the person transferred to. in-receive.ts uses it for a
// pre-filled draft, in-return.ts for a new archive version.

/** Where a file of the snapshot sits, and so what kind of file it is. */
export function kindOf(role: string): UploadKind | null {
  if (role === "personal.headshotId") return "headshot";
  if (role.startsWith("personal.documentPageIds.")) return "document-page";
  if (role === "personal.studentCardId") return "student-card";
  return null;
}

export type TransferredSteps = Omit<CollectionSnapshot, "person">;

/** The data steps of `snapshot`, each file by its id here (`ids`, by role), in `regionCode`. */
export function transferredSteps(
  snapshot: CollectionSnapshot,
  ids: ReadonlyMap<string, string>,
  regionCode: string,
): TransferredSteps {
  const { personal } = snapshot;
  const pages = Object.fromEntries(
    Object.entries(personal.documentPageIds).flatMap(([side]) => {
      const id = ids.get(`personal.documentPageIds.${side}`);
      return id ? [[side, id]] : [];
    }),
  );
  const headshotId = ids.get("personal.headshotId");
  const studentCardId = ids.get("personal.studentCardId");
  return {
    personal: {
      ...personal,
      headshotId: headshotId ?? "",
      documentPageIds: pages,
      ...(studentCardId ? { studentCardId } : { studentCardId: undefined }),
    },
    education: snapshot.education,
    work: { ...snapshot.work, regionCode },
    professional: snapshot.professional,
    awards: snapshot.awards,
  } as TransferredSteps;
}
