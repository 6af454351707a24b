// The production server's V8 heap cap (scripts/start.ts), also given to the console bench's export
// process so its figures are the server's. Not for want of memory: with a heap limit of 2 GB or
// more (Node's default on a machine with this much RAM) V8 lets the old generation grow to ~4×
// what survives a full collection before it collects again; below that the factor shrinks toward
// 1.3. A 导出 of a million rows allocates fast and promotes a steady trickle, so at the default
// its garbage piled up to ~230 MB of heap (peak RSS ~430 MiB); at 1 GB it stays ~100 MB
// (≤ 300 MiB, README 人员查询的索引), and 1 GB is still several times the server's live heap.
export const SERVER_HEAP_FLAG = "--max-old-space-size=1024";
