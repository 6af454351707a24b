import "server-only";
import type { Db } from "@/lib/db/client";
import type { Jurisdiction } from "@/lib/jurisdiction/config";
import { regionName } from "@/lib/region/divisions";
import { contactChain, contactOffices } from "./contact-offices";

// 财政部门联系方式 as the public reads them: what the offices' 管理员 saved (contact-admin.ts).
// An office without a row is simply not listed: nothing is made up.

export interface FinanceContact {
  regionCode: string;
  officeName: string;
  phone: string;
  address: string;
  /** "" when not given. */
  hours: string;
}

/** A contact with where it is, for the page: "广东省 广州市 天河区". */
export interface PlacedContact extends FinanceContact {
  regionName: string;
}

export interface ContactDirectoryGroup {
  /** "省级" or the city's name. */
  label: string;
  /** The group's first office: the city (or the jurisdiction), an anchor for the region picker. */
  code: string;
  contacts: PlacedContact[];
}

const PUBLIC_FIELDS = {
  regionCode: true,
  officeName: true,
  phone: true,
  address: true,
  hours: true,
} as const;

const placed = (c: FinanceContact): PlacedContact => ({
  ...c,
  regionName: regionName(c.regionCode) ?? c.regionCode,
});

/** Every saved contact (the page groups them with `contactDirectory`). */
export function allFinanceContacts(db: Db): Promise<FinanceContact[]> {
  return db.financeOfficeContact.findMany({
    select: PUBLIC_FIELDS,
    orderBy: { regionCode: "asc" },
  });
}

/** The contacts by city in the order of the region table; offices without one left out. */
export function contactDirectory(
  contacts: readonly FinanceContact[],
  j: Jurisdiction,
): ContactDirectoryGroup[] {
  const byCode = new Map(contacts.map((c) => [c.regionCode, c]));
  return contactOffices(j)
    .map((group) => ({
      label: group.label,
      code: group.offices[0]!.code,
      contacts: group.offices.flatMap((o) => {
        const c = byCode.get(o.code);
        return c ? [placed(c)] : [];
      }),
    }))
    .filter((group) => group.contacts.length > 0);
}

/** The contacts that concern someone of `regionCode`, their county's first (contactChain). */
export async function financeContactsFor(
  db: Db,
  regionCode: string,
  j: Jurisdiction,
): Promise<PlacedContact[]> {
  const chain = contactChain(regionCode, j);
  const rows = await db.financeOfficeContact.findMany({
    where: { regionCode: { in: chain } },
    select: PUBLIC_FIELDS,
  });
  return chain.flatMap((code) => {
    const row = rows.find((r) => r.regionCode === code);
    return row ? [placed(row)] : [];
  });
}
