import type { Page } from "@playwright/test";

// What the 继续教育 specs share: the lock's words, this year in Beijing, the accountant's menu.

export const REGION_LOCKED = "继续教育有在途未完成数据，行政区划不能修改";

export const thisYear = Number(
  new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
);

/** An entry of 个人中心's menu. */
export function menu(page: Page, name: string) {
  return page.getByRole("navigation", { name: "个人中心菜单" }).getByRole("link", { name });
}
