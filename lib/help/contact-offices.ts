import "server-only";
import type { Jurisdiction } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import { regionWithin } from "@/lib/region/scope";
import { financeOfficeName } from "@/lib/staff/office";

// Which finance offices have a contact on the 帮助 page, and whose it is to keep: the
// jurisdiction's own office, each city's and each county's (深圳 and other excluded parts left
// out: they run their own platform). A 管理员 keeps their own office's and those below it.

export interface ContactOffice {
  code: string;
  /** The name it goes by until it saves its own, e.g. "广州市财政局". */
  name: string;
}

export interface ContactOfficeGroup {
  /** "省级" (the jurisdiction's own office) or the city's name. */
  label: string;
  offices: ContactOffice[];
}

const office = (code: string): ContactOffice => ({ code, name: financeOfficeName(code) });

/** Every office of the jurisdiction by city, in the region table's order, its own first. */
export function contactOffices(j: Jurisdiction): ContactOfficeGroup[] {
  const cities = buildJurisdictionRegions(j).cities.map((city) => ({
    label: city.name,
    offices: [office(city.code), ...city.counties.map((c) => office(c.code))],
  }));
  // A jurisdiction that is one city (深圳) is its own first group already.
  if (cities.some((g) => g.offices[0]!.code === j.code)) return cities;
  return [{ label: "省级", offices: [office(j.code)] }, ...cities];
}

/** Whether `regionCode` is an office of the jurisdiction that has a contact. */
export function isContactOffice(regionCode: string, j: Jurisdiction): boolean {
  return contactOffices(j).some((g) => g.offices.some((o) => o.code === regionCode));
}

/** Whether staff of `scopes` keep the contact of `regionCode`: their own office or one below. */
export function keepsContact(scopes: readonly string[], regionCode: string, j: Jurisdiction) {
  return regionWithin(regionCode, scopes) && isContactOffice(regionCode, j);
}

/**
 * The offices whose contacts concern someone of `regionCode`, most specific first: their county's,
 * their city's, the jurisdiction's ("440106" → 天河区, 广州市, 广东省). A person not yet placed
 * (registered at the jurisdiction's code) gets the jurisdiction's alone.
 */
export function contactChain(regionCode: string, j: Jurisdiction): string[] {
  if (!/^\d{6}$/.test(regionCode)) return [j.code];
  const chain = [
    regionCode,
    `${regionCode.slice(0, 4)}00`,
    `${regionCode.slice(0, 2)}0000`,
    j.code,
  ];
  return [...new Set(chain)].filter((code) => isContactOffice(code, j));
}
