import { describe, expect, it } from "vitest";
import { obligationStartYear } from "@/lib/ce/obligation";
import {
  obligationStartOf,
  highestEducationLevel,
  highestQualificationLevel,
  personSearchRow,
  type ProjectionSource,
} from "./projection-row";

const NOW = new Date("2026-12-04T03:00:00Z");
const REGISTERED = new Date("2026-11-01T02:00:00Z");
const COLLECTED = new Date("2026-11-20T02:00:00Z");

const person = (over: Partial<ProjectionSource["person"]> = {}): ProjectionSource["person"] => ({
  id: "0195f0a0-0000-7000-8000-000000000001",
  name: "张晓明",
  idType: "RESIDENT_ID",
  idNumberIndex: "idx-1",
  idNumberMasked: "4401************1X",
  gender: "1",
  birthYear: 1990,
  regionCode: "440000",
  transferState: null,
  createdAt: REGISTERED,
  ...over,
});

const entry = (level: string, inStudy = false) => ({
  level,
  degree: "BACHELOR",
  school: "中山大学",
  major: "会计学",
  enrolledOn: "2008-09",
  graduatedOn: "2012-07",
  inStudy,
});

/** A stored snapshot as archive-service writes it (the parts not read here included). */
function snapshot(over: Record<string, unknown> = {}) {
  return {
    person: {
      name: "张晓明",
      idType: "RESIDENT_ID",
      idNumberMasked: "x",
      gender: "1",
      birthYear: 1990,
    },
    notice: { truthPledge: true },
    personal: {
      ethnicGroup: "01",
      politicalStatus: "13",
      email: "a@example.com",
      headshotId: "h",
      documentPageIds: {},
    },
    education: { fullTime: [entry("21")], partTime: [] },
    work: { status: "ACCOUNTING_POST", regionCode: "440106" },
    professional: {
      isCpa: false,
      isTaxAdvisor: false,
      isAssetAppraiser: false,
      abacusLevel: "NONE",
      qualifications: [],
      talents: [],
    },
    awards: { awards: [] },
    ...over,
  };
}

const collected = (snap: unknown, version = 1): ProjectionSource["archive"] => ({
  archiveNumber: "44202600000001",
  version,
  collectedAt: COLLECTED,
  snapshot: snap,
  versionFacts: [snap],
});

describe("obligationStartOf", () => {
  const version = (years: (number | string)[], since?: number) => ({
    professional: { qualifications: years.map((year) => ({ type: "ACCOUNTING", year })) },
    work: since === undefined ? { status: "ACCOUNTING_POST" } : { accountingSinceYear: since },
  });

  it("agrees with lib/ce/obligation.ts on one version", () => {
    const cases: [(number | string)[], number | undefined][] = [
      [[], undefined],
      [[2020], undefined],
      [["2018", 2021], undefined],
      [[], 2015],
      [[2020], 2015],
      [[2010], 2015],
    ];
    for (const [years, since] of cases) {
      expect(obligationStartOf([version(years, since)])).toBe(
        obligationStartYear({
          qualificationYears: years.map(Number),
          accountingSinceYear: since ?? null,
        }),
      );
    }
  });

  it("takes the earliest start over every version (a start never moves later)", () => {
    expect(obligationStartOf([version([2012]), version([], 2016)])).toBe(2013);
    expect(obligationStartOf([{ professional: null, work: null }, version([], 2019)])).toBe(2019);
    expect(obligationStartOf([])).toBeNull();
  });

  it("puts the obligation start on the row; none for a person without an archive", () => {
    const row = personSearchRow(
      {
        person: person(),
        hasDraft: false,
        archive: { ...collected(snapshot())!, versionFacts: [version([2019]), version([], 2021)] },
      },
      NOW,
    );
    expect(row.ceObligationStart).toBe(2020);
  });
});

describe("personSearchRow", () => {
  it("projects a registered person with nothing collected", () => {
    const row = personSearchRow({ person: person(), hasDraft: false, archive: null }, NOW);
    expect(row).toEqual({
      personId: "0195f0a0-0000-7000-8000-000000000001",
      regionCode: "440000",
      name: "张晓明",
      namePinyin: "zhangxiaoming",
      nameInitials: "zxm",
      idNumberIndex: "idx-1",
      idNumberMasked: "4401************1X",
      idType: "RESIDENT_ID",
      gender: "1",
      birthYear: 1990,
      collectionStatus: "none",
      archiveNumber: null,
      archiveVersion: null,
      collectedAt: null,
      employmentStatus: null,
      educationLevel: null,
      qualifications: [],
      qualificationLevel: null,
      highEndTalent: false,
      transferState: null,
      ceObligationStart: null,
      registeredAt: REGISTERED,
      updatedAt: NOW,
    });
  });

  it("is a draft once 信息采集 started, and collected with an archive (the draft kept or not)", () => {
    expect(personSearchRow({ person: person(), hasDraft: true, archive: null }, NOW)).toMatchObject(
      { collectionStatus: "draft", archiveNumber: null },
    );
    for (const hasDraft of [true, false]) {
      const row = personSearchRow(
        { person: person(), hasDraft, archive: collected(snapshot(), 3) },
        NOW,
      );
      expect(row).toMatchObject({
        collectionStatus: "collected",
        archiveNumber: "44202600000001",
        archiveVersion: 3,
        collectedAt: COLLECTED,
        employmentStatus: "ACCOUNTING_POST",
        educationLevel: "20",
      });
    }
  });

  it("keeps the person's region and transfer state, not the snapshot's", () => {
    const row = personSearchRow(
      {
        person: person({ regionCode: "440305", transferState: "OUT_PENDING" }),
        hasDraft: false,
        archive: collected(snapshot({ work: { status: "UNEMPLOYED", regionCode: "440106" } })),
      },
      NOW,
    );
    expect(row).toMatchObject({
      regionCode: "440305",
      transferState: "OUT_PENDING",
      employmentStatus: "UNEMPLOYED",
    });
  });

  it("lists every qualification as TYPE:LEVEL once, with the highest level", () => {
    const q = (type: string, level: string) => ({
      type,
      level,
      method: "EXAM",
      year: 2015,
      certificateNo: "Z1",
    });
    const professional = {
      ...snapshot().professional,
      qualifications: [
        q("ACCOUNTING", "INTERMEDIATE"),
        q("AUDITING", "SENIOR"),
        q("ACCOUNTING", "JUNIOR"),
        q("ACCOUNTING", "INTERMEDIATE"),
      ],
      talents: [{ type: "HIGH_END", selectedYear: 2020, status: "IN_TRAINING" }],
    };
    const row = personSearchRow(
      { person: person(), hasDraft: false, archive: collected(snapshot({ professional })) },
      NOW,
    );
    expect(row.qualifications).toEqual([
      "ACCOUNTING:INTERMEDIATE",
      "AUDITING:SENIOR",
      "ACCOUNTING:JUNIOR",
    ]);
    expect(row.qualificationLevel).toBe("SENIOR");
    expect(row.highEndTalent).toBe(true);
  });

  it("reads lists older versions leave out as empty", () => {
    const old = snapshot();
    const professional: Record<string, unknown> = { ...old.professional };
    delete professional.qualifications;
    delete professional.talents;
    const row = personSearchRow(
      {
        person: person(),
        hasDraft: false,
        archive: collected({ ...old, professional, education: { fullTime: [entry("31")] } }),
      },
      NOW,
    );
    expect(row).toMatchObject({
      qualifications: [],
      qualificationLevel: null,
      highEndTalent: false,
      educationLevel: "30",
    });
  });

  it("takes gender and birth year from 个人信息 when the document carries none", () => {
    const personal = { ...snapshot().personal, gender: "2", birthDate: "1988-05-01" };
    const row = personSearchRow(
      {
        person: person({ idType: "PASSPORT", gender: null, birthYear: null }),
        hasDraft: false,
        archive: collected(snapshot({ personal })),
      },
      NOW,
    );
    expect(row).toMatchObject({ gender: "2", birthYear: 1988 });
    const registeredOnly = personSearchRow(
      { person: person({ gender: null, birthYear: null }), hasDraft: true, archive: null },
      NOW,
    );
    expect(registeredOnly).toMatchObject({ gender: null, birthYear: null });
  });

  it("refuses a snapshot that is not one", () => {
    const broken = { ...snapshot(), work: { regionCode: "440106" } };
    expect(() =>
      personSearchRow({ person: person(), hasDraft: false, archive: collected(broken) }, NOW),
    ).toThrow(/status/);
    expect(() =>
      personSearchRow({ person: person(), hasDraft: false, archive: collected(null) }, NOW),
    ).toThrow();
  });
});

describe("highestEducationLevel", () => {
  it("is the level group of the highest attained entry, full-time or part-time", () => {
    expect(highestEducationLevel([entry("31"), entry("14"), entry("21")])).toBe("10");
    expect(highestEducationLevel([entry("61"), entry("41")])).toBe("40");
    expect(highestEducationLevel([entry("90")])).toBe("90");
  });

  it("leaves out entries still in progress and codes outside GB/T 4658", () => {
    expect(highestEducationLevel([entry("21"), entry("10", true)])).toBe("20");
    expect(highestEducationLevel([entry("20", true)])).toBeNull();
    expect(highestEducationLevel([entry("50"), entry("5"), entry("")])).toBeNull();
    expect(highestEducationLevel([])).toBeNull();
  });
});

describe("highestQualificationLevel", () => {
  it("orders 初级 < 中级 < 高级 < 正高级 and ignores unknown codes", () => {
    expect(highestQualificationLevel(["JUNIOR", "INTERMEDIATE"])).toBe("INTERMEDIATE");
    expect(highestQualificationLevel(["PROFESSOR", "SENIOR"])).toBe("PROFESSOR");
    expect(highestQualificationLevel(["SENIOR", "RETIRED_CODE"])).toBe("SENIOR");
    expect(highestQualificationLevel(["RETIRED_CODE"])).toBeNull();
    expect(highestQualificationLevel([])).toBeNull();
  });
});
