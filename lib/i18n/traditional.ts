import "server-only";
import { Converter } from "opencc-js/cn2t";

// 繁體中文 is made from the 简体 source by OpenCC, never written by hand, so the two cannot drift.
// "cn" → "tw": the character forms of Taiwan's standard (為, 裡, 著), which readers in Hong Kong,
// Macao and Taiwan all read as ordinary print — OpenCC's plain "t" writes 爲 / 裏, forms no region
// prints today. Only characters change, never words ("twp" would turn 信息 into 資訊 and 登录
// into 登入): the national terms (会计人员信息采集, 居民身份证) stay the ones the forms use.
// Building the converter costs ~150 ms, so it is built once per process, on first use.

let convert: ((text: string) => string) | undefined;

export function toTraditional(text: string): string {
  convert ??= Converter({ from: "cn", to: "tw" });
  return convert(text);
}

/** A message tree with every string converted (placeholders like {name} are ASCII: untouched). */
export function treeToTraditional<T>(tree: T): T {
  if (typeof tree === "string") return toTraditional(tree) as T;
  if (Array.isArray(tree)) return tree.map(treeToTraditional) as T;
  if (tree && typeof tree === "object")
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, treeToTraditional(v)])) as T;
  return tree;
}
