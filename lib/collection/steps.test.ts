import { describe, expect, it } from "vitest";
import {
  DATA_STEP_IDS,
  STEPS,
  canOpenStep,
  firstIncompleteStep,
  isStepId,
  nextStep,
  previousStep,
  stepLabel,
} from "./steps";

describe("step order", () => {
  it("follows the manual", () => {
    expect(STEPS.map((s) => s.label)).toEqual([
      "阅读须知",
      "个人信息",
      "学历信息",
      "工作信息",
      "专业技术信息",
      "奖励信息",
      "确认信息",
      "完成",
    ]);
    expect(DATA_STEP_IDS).toEqual(STEPS.slice(0, 6).map((s) => s.id));
  });

  it("moves forward and back", () => {
    expect(nextStep("notice")).toBe("personal");
    expect(nextStep("awards")).toBe("confirm");
    expect(nextStep("done")).toBeUndefined();
    expect(previousStep("personal")).toBe("notice");
    expect(previousStep("notice")).toBeUndefined();
    expect(stepLabel("work")).toBe("工作信息");
    expect(isStepId("work")).toBe(true);
    expect(isStepId("admin")).toBe(false);
  });
});

describe("firstIncompleteStep", () => {
  it("starts at 阅读须知 with nothing done", () => {
    expect(firstIncompleteStep([])).toBe("notice");
  });

  it("resumes at the first gap, whatever was completed after it", () => {
    expect(firstIncompleteStep(["notice", "personal"])).toBe("education");
    expect(firstIncompleteStep(["notice", "education", "work"])).toBe("personal");
  });

  it("reaches 确认信息 after the data steps and 完成 after submit", () => {
    expect(firstIncompleteStep(DATA_STEP_IDS)).toBe("confirm");
    expect(firstIncompleteStep([...DATA_STEP_IDS, "confirm"])).toBe("done");
  });
});

describe("canOpenStep", () => {
  it("allows completed steps and the first incomplete one", () => {
    const completed = ["notice", "personal"] as const;
    expect(canOpenStep("notice", completed)).toBe(true);
    expect(canOpenStep("personal", completed)).toBe(true);
    expect(canOpenStep("education", completed)).toBe(true);
  });

  it("refuses skipping ahead", () => {
    expect(canOpenStep("work", ["notice", "personal"])).toBe(false);
    expect(canOpenStep("personal", [])).toBe(false);
    expect(
      canOpenStep("confirm", ["notice", "personal", "education", "work", "professional"]),
    ).toBe(false);
    expect(canOpenStep("done", DATA_STEP_IDS)).toBe(false);
  });

  it("refuses a step behind a gap even if it was saved", () => {
    expect(canOpenStep("work", ["notice", "education", "work"])).toBe(false);
  });
});
