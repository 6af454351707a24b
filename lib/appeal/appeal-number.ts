import "server-only";
import { randomInt } from "node:crypto";
import { beijingToday } from "@/lib/time/beijing";

/**
 * 申诉编号: SS, the Beijing date of 提交, six random digits (SS20261204042317). Random rather than
 * counted: a number says nothing of how many appeals a day brings, and the status page asks for
 * the phone's code as well, so guessing one gains nothing.
 */
export function newAppealNumber(now = new Date()): string {
  return `SS${beijingToday(now).replaceAll("-", "")}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}
