import type { MetadataJson } from "libphonenumber-js/core";

// What the mobile rule (mobile.ts) needs of libphonenumber-js's numbering-plan metadata, so the
// browser does not download every country's plan to check a mainland number: China's plan (its
// mobile ranges, e.g. 19x, 16x), and the list of calling codes, which tells a foreign number
// (+852 …, 001 …) from a mistyped one. metadata.cn.json holds it, written by
// `node --import tsx scripts/phone/cn-metadata.ts` from the installed package (mobile.test.ts
// fails when the package's data has moved on).

export interface CnMetadata {
  /** libphonenumber-js metadata with the numbering plan of CN only */
  metadata: MetadataJson;
  /** every country calling code the full metadata knows, geographic or not */
  callingCodes: string[];
}

type MetadataShape = {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
};

export function cnMetadata(full: MetadataJson): CnMetadata {
  const m = full as unknown as MetadataShape;
  const metadata = {
    version: m.version,
    country_calling_codes: { "86": ["CN"] },
    countries: { CN: m.countries.CN },
    nonGeographic: {},
  };
  const callingCodes = [
    ...new Set([...Object.keys(m.country_calling_codes), ...Object.keys(m.nonGeographic ?? {})]),
  ].sort();
  return { metadata: metadata as unknown as MetadataJson, callingCodes };
}
