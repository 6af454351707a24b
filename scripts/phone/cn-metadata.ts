// Writes lib/phone/metadata.cn.json from the installed libphonenumber-js (after updating it):
//   node --import tsx scripts/phone/cn-metadata.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import full from "libphonenumber-js/metadata.mobile.json";
import { format, resolveConfig } from "prettier";
import { cnMetadata } from "../../lib/phone/cn-metadata";

const file = path.resolve(import.meta.dirname, "../../lib/phone/metadata.cn.json");
const options = { ...(await resolveConfig(file)), filepath: file };
writeFileSync(file, await format(JSON.stringify(cnMetadata(full)), options));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
