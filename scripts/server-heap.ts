// The production server's V8 heap cap (scripts/start.ts), also given to the console bench's export
// process so its figures are the server's. Not for want of memory: with a heap limit of 2 GB or
// more (Node's default on a machine with this much RAM) V8 lets the old generation grow to ~4×
// what survives a full collection before it collects again; below that the factor shrinks toward
// 1.3. A 导出 of a million rows allocates fast and promotes a steady trickle, so at the default
// its garbage piled up to ~230 MB of heap (peak RSS ~430 MiB); at 1 GB it stays ~100 MB
// (≤ 300 MiB, README 人员查询的索引), and 1 GB is still several times the server's live heap.
export const SERVER_HEAP_FLAG = "--max-old-space-size=1024";

// And glibc's malloc: each thread that allocates (zlib deflates a 导出's xlsx on the libuv pool)
// gets an arena of its own, and freed memory stays in it. Two arenas in all took the xlsx export
// of 1.09 M rows from 305 to 280 MiB peak RSS (BENCH_MEMTRACE=1, console-export.ts) at no cost in
// time. An operator's own MALLOC_ARENA_MAX wins.
export const SERVER_MALLOC_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };
