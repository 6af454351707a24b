// The three instances of `npm run demo:transfer` on one machine (issue 10, "Running it"): the
// national exchange (hub), 广东 (440000 without 深圳) and 深圳 (440300), each the embedded default
// with its own data directory, ports and exchange configuration. `npm run jobs -- --demo` reads
// the same list.
//
//   KUAIJI_DATA_DIR    parent of the three data directories (default .data → .data/demo/<key>)
//   KUAIJI_DEMO_PORT   广东's port (default 3000); 深圳 +1, the hub +2
//   KUAIJI_DB_PORT     广东's embedded database port (default 54329); 深圳 +1, the hub +2
//
// 广东 is served as localhost and 深圳 as 127.0.0.1: browsers keep cookies per host name, not per
// port, so the two platforms' logins would otherwise overwrite each other.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DemoInstance {
  key: "guangdong" | "shenzhen" | "hub";
  label: string;
  port: number;
  dbPort: number;
  host: string;
  dataDir: string;
  /** Member code on the exchange (platforms only). */
  member?: string;
}

export function demoRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.KUAIJI_DATA_DIR ?? ".data", "demo");
}

export function demoInstances(env: NodeJS.ProcessEnv = process.env): DemoInstance[] {
  const port = Number(env.KUAIJI_DEMO_PORT ?? 3000);
  const dbPort = Number(env.KUAIJI_DB_PORT ?? 54329);
  const root = demoRoot(env);
  return [
    {
      key: "guangdong",
      label: "广东省（除深圳）",
      port,
      dbPort,
      host: "localhost",
      dataDir: path.join(root, "guangdong"),
      member: "440000",
    },
    {
      key: "shenzhen",
      label: "深圳市",
      port: port + 1,
      dbPort: dbPort + 1,
      host: "127.0.0.1",
      dataDir: path.join(root, "shenzhen"),
      member: "440300",
    },
    {
      key: "hub",
      label: "全国平台（交换中心）",
      port: port + 2,
      dbPort: dbPort + 2,
      host: "127.0.0.1",
      dataDir: path.join(root, "hub"),
    },
  ];
}

/** Each platform's secret with the hub, generated once and kept beside the data. */
export function demoSecrets(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const root = demoRoot(env);
  const file = path.join(root, "exchange-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const secrets = {
    "440000": randomBytes(32).toString("base64url"),
    "440300": randomBytes(32).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The environment one instance runs with (on top of the caller's, so test switches apply). */
export function demoEnv(
  instance: DemoInstance,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const all = demoInstances(env);
  const hub = all.find((i) => i.key === "hub")!;
  const secrets = demoSecrets(env);
  const common = {
    ...env,
    PORT: String(instance.port),
    KUAIJI_DATA_DIR: instance.dataDir,
    KUAIJI_DB_PORT: String(instance.dbPort),
    NEXTAUTH_URL: `http://${instance.host}:${instance.port}`,
  };
  if (instance.key === "hub") {
    const platforms = all.filter((i) => i.member);
    return {
      ...common,
      KUAIJI_ROLE: "hub",
      KUAIJI_DEMO_HUB_MEMBERS: JSON.stringify(
        platforms.map((p) => ({
          code: p.member,
          baseUrl: `http://127.0.0.1:${p.port}`,
          secret: secrets[p.member!],
        })),
      ),
    };
  }
  return {
    ...common,
    KUAIJI_ROLE: "platform",
    KUAIJI_JURISDICTION_CODE: instance.member,
    ...(instance.key === "shenzhen"
      ? { KUAIJI_JURISDICTION_EXCLUDE: "", KUAIJI_HOST_ORGANISATION: "深圳市财政局" }
      : {}),
    EXCHANGE_MEMBER_CODE: instance.member,
    EXCHANGE_HUB_URL: `http://127.0.0.1:${hub.port}`,
    EXCHANGE_MEMBER_SECRET: secrets[instance.member!],
  };
}
