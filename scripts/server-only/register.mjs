// `import "server-only"` outside Next.js. The package throws unless it is resolved with the
// "react-server" condition, which only Next.js's server bundles set; so scripts that load server
// modules (lib/db, the services) run with
//
//   node --import ./scripts/server-only/register.mjs --import tsx scripts/<script>.ts
//
// and get the package's own empty module. Only that one specifier is affected: React and Next.js
// keep their usual resolution (a global --conditions=react-server would swap them too).
// Vitest does the same with an alias (vitest.config.ts).
import { register } from "node:module";

register("./resolve-hook.mjs", import.meta.url);
