// Writes lib/phone/metadata.cn.json (mobile numbers) and metadata.cn-full.json (every number type:
// office landlines) from the installed libphonenumber-js (after updating it):
//   node --import tsx scripts/phone/cn-metadata.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { MetadataJson } from "libphonenumber-js/core";
import max from "libphonenumber-js/metadata.max.json";
import mobile from "libphonenumber-js/metadata.mobile.json";
import { format, resolveConfig } from "prettier";
import { cnMetadata } from "../../lib/phone/cn-metadata";

async function write(name: string, full: MetadataJson) {
  const file = path.resolve(import.meta.dirname, "../../lib/phone", name);
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(cnMetadata(full)), options));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

await write("metadata.cn.json", mobile);
await write("metadata.cn-full.json", max);
