/** One record's facts as label and value rows (a claim, a 调出申请, a 调入申请). */
export function FactList({ facts }: { facts: readonly { label: string; value: string }[] }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
      {facts.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-muted-foreground">{f.label}</dt>
          <dd className="wrap-anywhere whitespace-pre-wrap">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
