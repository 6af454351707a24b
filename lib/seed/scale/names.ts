import { type Rng, chance, pick, weighted } from "./random";

// Chinese names for the bulk seed: a surname drawn by frequency, then one or two given-name
// characters from a pool for the person's gender (GB/T 2261.1: 1 男, 2 女). The surname weights
// are rounded shares per thousand people, leaning to Guangdong (陈, 黄, 梁, 林 come before 王
// there); compound surnames (欧阳, 司徒) are included so pinyin keys of three-syllable names
// are exercised. Public knowledge, kept short on purpose: this is test data, not a census.

const SURNAMES = weighted<string>([
  ["陈", 90],
  ["李", 70],
  ["黄", 60],
  ["张", 50],
  ["梁", 40],
  ["林", 40],
  ["刘", 40],
  ["王", 40],
  ["吴", 30],
  ["何", 30],
  ["罗", 25],
  ["郑", 25],
  ["杨", 25],
  ["谢", 20],
  ["钟", 20],
  ["邓", 20],
  ["冯", 18],
  ["曾", 18],
  ["周", 18],
  ["叶", 16],
  ["蔡", 15],
  ["许", 14],
  ["赖", 13],
  ["郭", 11],
  ["苏", 12],
  ["朱", 12],
  ["彭", 12],
  ["廖", 12],
  ["卢", 11],
  ["潘", 10],
  ["余", 10],
  ["赵", 10],
  ["徐", 10],
  ["胡", 10],
  ["邱", 9],
  ["江", 9],
  ["温", 8],
  ["袁", 8],
  ["方", 8],
  ["孙", 8],
  ["马", 8],
  ["高", 8],
  ["唐", 7],
  ["莫", 7],
  ["欧", 6],
  ["丘", 5],
  ["严", 5],
  ["关", 5],
  ["龙", 5],
  ["杜", 5],
  ["姚", 5],
  ["范", 5],
  ["汤", 4],
  ["韦", 4],
  ["邹", 4],
  ["古", 4],
  ["植", 2],
  ["单", 2],
  ["欧阳", 3],
  ["司徒", 2],
  ["上官", 1],
]);

const MALE = [
  ..."伟强磊军洋勇杰涛明超华斌鹏辉俊峰建志文浩宇晨凯健嘉家国海鑫锋永振兴东荣达金成庆骏炜",
];
const FEMALE = [..."芳娜敏静丽艳娟霞燕玲婷雪慧莹琳颖洁倩欣怡佳梅红蓉萍晶妍思雨诗雅悦丹璐秀翠玉凤"];
const EITHER = [..."晓小子嘉家文思佩锦永伟美少志"];

/** A name for gender "1" or "2": surname + 1 (one in five) or 2 given characters. */
export function chineseName(rng: Rng, gender: "1" | "2"): string {
  const pool = gender === "1" ? MALE : FEMALE;
  const surname = SURNAMES.draw(rng);
  if (chance(rng, 0.2)) return surname + pick(rng, pool);
  const first = chance(rng, 0.3) ? pick(rng, EITHER) : pick(rng, pool);
  return surname + first + pick(rng, pool);
}

/** Every surname the seed uses (tests check they are real, single- or two-character). */
export const SEED_SURNAMES: readonly string[] = SURNAMES.values;
