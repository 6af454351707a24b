import "server-only";
import { type Jurisdiction } from "@/lib/jurisdiction/config";
import { childrenOf, jurisdictionCities, jurisdictionCounties } from "@/lib/region/divisions";
import { type Weighted, weighted } from "./random";

// Where the seed's people work: a leaf region of the jurisdiction (a county, or 东莞 / 中山 which
// have none), drawn by a weight per city and, inside it, districts (区) three times as likely
// as counties and county-level cities. The city weights are rough shares of Guangdong's
// accounting workforce outside 深圳 (its own platform): 广州 first, then 佛山 and 东莞, which
// is what the console's charts should look like. A jurisdiction other than Guangdong gets
// equal city weights.

const GUANGDONG_CITY_WEIGHTS: Record<string, number> = {
  "440100": 24, // 广州
  "440200": 2, // 韶关
  "440400": 3, // 珠海
  "440500": 4, // 汕头
  "440600": 13, // 佛山
  "440700": 4, // 江门
  "440800": 4, // 湛江
  "440900": 3.5, // 茂名
  "441200": 3, // 肇庆
  "441300": 5, // 惠州
  "441400": 2, // 梅州
  "441500": 1.2, // 汕尾
  "441600": 1.5, // 河源
  "441700": 1.5, // 阳江
  "441800": 2, // 清远
  "441900": 12, // 东莞
  "442000": 5, // 中山
  "445100": 1.5, // 潮州
  "445200": 2.5, // 揭阳
  "445300": 1, // 云浮
};

const DISTRICT_WEIGHT = 3;

/** The jurisdiction's leaf regions with their weights (exported for the weight test). */
export function leafWeights(j: Jurisdiction): [string, number][] {
  const out: [string, number][] = [];
  for (const city of jurisdictionCities(j)) {
    const cityWeight = GUANGDONG_CITY_WEIGHTS[city.code] ?? (j.code === "440000" ? 1 : 5);
    const counties = jurisdictionCounties(city.code, j);
    if (counties.length === 0) {
      out.push([city.code, cityWeight]);
      continue;
    }
    const w = (name: string) => (name.endsWith("区") ? DISTRICT_WEIGHT : 1);
    const sum = counties.reduce((s, c) => s + w(c.name), 0);
    for (const c of counties) out.push([c.code, (cityWeight * w(c.name)) / sum]);
  }
  return out;
}

/** A weighted draw of a leaf region of the jurisdiction. */
export function regionTable(j: Jurisdiction): Weighted<string> {
  return weighted(leafWeights(j));
}

/** Provinces a transfer leaves for, each with one county to land in (its first). */
export function transferDestinations(j: Jurisdiction): { member: string; regionCode: string }[] {
  return ["430000", "450000", "360000", "350000", "510000", "420000"]
    .filter((p) => p.slice(0, 2) !== j.code.slice(0, 2))
    .map((member) => {
      const city = childrenOf(member)[0]!;
      return { member, regionCode: childrenOf(city.code)[0]?.code ?? city.code };
    });
}
