// `npm run bench -- --only lighthouse` (needs `npm run build`): Lighthouse's mobile scores of the
// portal, 登录, 注册 and 个人中心 (issue 13, "Done means": performance ≥ 95, accessibility 100,
// best practices 100), against a production server (scripts/start.ts, embedded PGlite, demo
// seed) this section starts. 个人中心 is seen as the first demo accountant: a session created on
// the server's database, carried as the next-auth cookie a login would have set.
//
// Lighthouse's default configuration is the mobile one (a mid-range phone's screen, 4× CPU
// slowdown, slow 4G, simulated). Scores move from run to run, the more so on a busy machine:
// the simulation multiplies the CPU time it observed, so a loaded machine reads as a slow page.
// Each page runs LIGHTHOUSE_RUNS times (default 3) and the median run is reported, with the
// audits that cost it points and Lighthouse's benchmark index of the machine during that run
// (lower is busier). Chromium is CHROME_PATH, else /usr/bin/chromium.
import { existsSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/account/session-service";
import { createDb } from "@/lib/db/client";
import type { Figure } from "./report";
import { startProductionServer } from "./server";

export const LIGHTHOUSE_PAGES = ["/", "/login", "/register", "/account"] as const;
export const LIGHTHOUSE_GOALS = { performance: 95, accessibility: 100, "best-practices": 100 };
type Category = keyof typeof LIGHTHOUSE_GOALS;
const CATEGORIES = Object.keys(LIGHTHOUSE_GOALS) as Category[];
const CATEGORY_LABELS: Record<Category, string> = {
  performance: "performance",
  accessibility: "accessibility",
  "best-practices": "best practices",
};
/** Metrics shown beside the performance score (ms, except CLS). */
const METRICS = [
  ["first-contentful-paint", "FCP", "ms"],
  ["largest-contentful-paint", "LCP", "ms"],
  ["total-blocking-time", "TBT", "ms"],
  ["cumulative-layout-shift", "CLS", ""],
  ["speed-index", "Speed Index", "ms"],
] as const;
const FAILING_SHOWN = 6;

function chromePath(): string | null {
  const path = process.env.CHROME_PATH || "/usr/bin/chromium";
  return existsSync(path) ? path : null;
}

export function lighthouseProblem(): string | null {
  return chromePath() ? null : "no Chromium (set CHROME_PATH)";
}

function runsPerPage(): number {
  const raw = process.env.LIGHTHOUSE_RUNS?.trim();
  const n = raw ? Number(raw) : 3;
  if (!Number.isInteger(n) || n < 1 || n > 9) {
    throw new Error(`LIGHTHOUSE_RUNS should be 1–9: ${raw}`);
  }
  return n;
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[] };
}
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runWarnings: string[];
  runtimeError?: { code: string; message?: string };
  environment: { benchmarkIndex: number };
}

const score = (lhr: Lhr, c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);

/** What a failing weighted audit points at (a console error's text, a node, a URL), briefly. */
function where(a: Audit): string {
  const items = (a.details?.items ?? []).slice(0, 2).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    const source = item.sourceLocation as { url?: string } | undefined;
    const text = [item.url ?? source?.url, item.description ?? node?.snippet ?? item.source]
      .filter((t) => typeof t === "string" && t !== "")
      .join(" ");
    return text ? text.slice(0, 200) : null;
  });
  const shown = items.filter((t): t is string => t !== null);
  return shown.length ? ` [${shown.join(" | ")}]` : "";
}

/** The audits of the goal categories that lost points: weighted losses first, then the rest. */
function failing(lhr: Lhr): string[] {
  const found = new Map<string, { cost: number; loss: number; text: string }>();
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1) continue;
      if (!["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode)) continue;
      const text = `${CATEGORY_LABELS[c]}: ${a.id} (${Math.round(a.score * 100)}) ${a.title}${
        a.displayValue ? ` — ${a.displayValue}` : ""
      }${ref.weight > 0 ? where(a) : ""}`;
      found.set(a.id, { cost: ref.weight * (1 - a.score), loss: 1 - a.score, text });
    }
  }
  return [...found.values()].sort((a, b) => b.cost - a.cost || b.loss - a.loss).map((f) => f.text);
}

/** The cookie of a live session of the first demo accountant on the server's database. */
async function demoSessionCookie(dbUrl: string): Promise<string> {
  const db = createDb(dbUrl);
  try {
    const person = await db.person.findFirstOrThrow({
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const ctx = { ip: "127.0.0.1", userAgent: "kuaiji-bench lighthouse" };
    const sid = await db.$transaction((tx) => createSession(tx, { personId: person.id }, ctx));
    const jwt = await encode({
      token: { sub: person.id, sid },
      secret: process.env.NEXTAUTH_SECRET!,
    });
    return `next-auth.session-token=${jwt}`;
  } finally {
    await db.$disconnect();
  }
}

export async function lighthouseFigures(): Promise<Figure[]> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const runs = runsPerPage();
  const server = await startProductionServer();
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath()!,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const cookie = await demoSessionCookie(server.dbUrl);
    // Warm-up: each route's first render on this server, so no run pays for it.
    for (const path of LIGHTHOUSE_PAGES) {
      await fetch(new URL(path, server.base), { headers: { Cookie: cookie } });
    }
    const figures: Figure[] = [];
    const belowGoal: string[] = [];
    for (const path of LIGHTHOUSE_PAGES) {
      const url = new URL(path, server.base).toString();
      const results: Lhr[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          locale: "en-US",
          onlyCategories: CATEGORIES,
          extraHeaders: path === "/account" ? { Cookie: cookie } : undefined,
        });
        if (!result) throw new Error(`lighthouse gave no result for ${path}`);
        const lhr = result.lhr as unknown as Lhr;
        if (lhr.runWarnings.length > 0) console.log(`  ${path}: ${lhr.runWarnings.join("; ")}`);
        // A run Lighthouse could not finish (e.g. NO_FCP on a stalled machine) scores 0: it
        // measured nothing, so it is named and left out of the median rather than counted.
        if (lhr.runtimeError) {
          const { code, message } = lhr.runtimeError;
          console.log(`  ${path}: run ${i + 1} failed, not counted: ${code} ${message ?? ""}`);
          continue;
        }
        results.push(lhr);
      }
      // A median of fewer than half the runs is not a measurement of the page.
      if (results.length * 2 < runs) {
        throw new Error(`${runs - results.length} of ${runs} Lighthouse runs of ${path} failed`);
      }
      results.sort((a, b) => score(a, "performance") - score(b, "performance"));
      const median = results[Math.floor(results.length / 2)]!;
      for (const c of CATEGORIES) {
        const value = score(median, c);
        const goal = LIGHTHOUSE_GOALS[c];
        if (value < goal) belowGoal.push(`${path} ${CATEGORY_LABELS[c]}`);
        figures.push({
          label: `${path} ${CATEGORY_LABELS[c]} (goal ${goal === 100 ? "100" : `≥ ${goal}`})`,
          unit: "score",
          value,
          digits: 0,
        });
      }
      figures.push({
        label: `${path} machine benchmark index`,
        unit: "index",
        value: median.environment.benchmarkIndex,
        digits: 0,
      });
      for (const [id, name, unit] of METRICS) {
        const value = median.audits[id]?.numericValue ?? NaN;
        figures.push({ label: `${path} ${name}`, unit, value, digits: unit ? 0 : 3 });
      }
      const lost = failing(median);
      console.log(
        `  ${path}: performance ${results.map((r) => score(r, "performance")).join(" / ")} over ${results.length} runs` +
          (lost.length
            ? `; audits that cost points (median run):\n    ${lost.slice(0, FAILING_SHOWN).join("\n    ")}`
            : "; no audit lost points"),
      );
    }
    console.log(`  below goal: ${belowGoal.length ? belowGoal.join(", ") : "none"}`);
    figures.push({
      label: "scores below goal",
      unit: "scores",
      value: belowGoal.length,
      digits: 0,
    });
    return figures;
  } finally {
    chrome.kill();
    await server.stop();
  }
}
