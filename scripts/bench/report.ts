// Plain-text tables for `npm run bench`: one row per figure, its unit, one column per run.

export interface Figure {
  label: string;
  unit: string;
  value: number;
  /** decimals shown; default: 0 above 100, 1 above 10, else 2 */
  digits?: number;
}

export function fmt(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/**
 * Prints figures side by side. `columns` are the runs (e.g. PGlite, PostgreSQL); each holds
 * figures in the same order with the same labels. A run missing a figure shows "—".
 */
export function printTable(title: string, columns: { name: string; figures: Figure[] }[]): void {
  const first = columns[0]?.figures ?? [];
  const rows = first.map((f) => [
    f.label,
    f.unit,
    ...columns.map((c) => {
      const g = c.figures.find((x) => x.label === f.label);
      return g ? fmt(g.value, g.digits) : "—";
    }),
  ]);
  const header = ["figure", "unit", ...columns.map((c) => c.name)];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

// Display width: CJK characters take two columns in a terminal.
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}
function padEnd(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}
function padStart(s: string, w: number): string {
  return " ".repeat(Math.max(0, w - width(s))) + s;
}
