-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "createdBy" UUID,
ADD COLUMN     "status" VARCHAR(20) NOT NULL DEFAULT 'published',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedBy" UUID,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ALTER COLUMN "publishedAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PersonSearch" (
    "personId" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "namePinyin" VARCHAR(400) NOT NULL,
    "nameInitials" VARCHAR(100) NOT NULL,
    "idNumberIndex" VARCHAR(64) NOT NULL,
    "idNumberMasked" VARCHAR(40) NOT NULL,
    "idType" VARCHAR(20) NOT NULL,
    "gender" VARCHAR(1),
    "birthYear" SMALLINT,
    "collectionStatus" VARCHAR(12) NOT NULL,
    "archiveNumber" VARCHAR(20),
    "archiveVersion" INTEGER,
    "collectedAt" TIMESTAMPTZ(3),
    "employmentStatus" VARCHAR(20),
    "educationLevel" VARCHAR(2),
    "qualifications" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "qualificationLevel" VARCHAR(20),
    "highEndTalent" BOOLEAN NOT NULL DEFAULT false,
    "transferState" VARCHAR(20),
    "registeredAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonSearch_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "CeYearTotal" (
    "personId" UUID NOT NULL,
    "year" SMALLINT NOT NULL,
    "publicTenths" INTEGER NOT NULL DEFAULT 0,
    "professionalTenths" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CeYearTotal_pkey" PRIMARY KEY ("personId","year")
);

-- CreateTable
CREATE TABLE "RegionStat" (
    "dimension" VARCHAR(40) NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "bucket" VARCHAR(40) NOT NULL,
    "count" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegionStat_pkey" PRIMARY KEY ("dimension","regionCode","bucket")
);

-- CreateIndex
CREATE INDEX "PersonSearch_regionCode_idx" ON "PersonSearch"("regionCode");

-- CreateIndex
CREATE INDEX "CeYearTotal_year_idx" ON "CeYearTotal"("year");

-- CreateIndex
CREATE INDEX "Notice_status_publishedAt_idx" ON "Notice"("status", "publishedAt");
