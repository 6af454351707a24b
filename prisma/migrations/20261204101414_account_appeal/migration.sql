-- CreateTable
CREATE TABLE "AccountAppeal" (
    "id" UUID NOT NULL,
    "appealNumber" VARCHAR(20),
    "state" VARCHAR(20) NOT NULL,
    "draftTokenHash" VARCHAR(128) NOT NULL,
    "draftExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "personId" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "idType" VARCHAR(20) NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberMasked" VARCHAR(40) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "realName" JSONB,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedBy" VARCHAR(64),
    "decisionReason" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppealPhoto" (
    "id" UUID NOT NULL,
    "appealId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "storageKey" VARCHAR(512) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppealPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountAppeal_appealNumber_key" ON "AccountAppeal"("appealNumber");

-- CreateIndex
CREATE INDEX "AccountAppeal_regionCode_state_submittedAt_idx" ON "AccountAppeal"("regionCode", "state", "submittedAt");

-- CreateIndex
CREATE INDEX "AccountAppeal_personId_idx" ON "AccountAppeal"("personId");

-- CreateIndex
CREATE INDEX "AccountAppeal_state_draftExpiresAt_idx" ON "AccountAppeal"("state", "draftExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppealPhoto_storageKey_key" ON "AppealPhoto"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "AppealPhoto_appealId_kind_key" ON "AppealPhoto"("appealId", "kind");

-- AddForeignKey
ALTER TABLE "AccountAppeal" ADD CONSTRAINT "AccountAppeal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppealPhoto" ADD CONSTRAINT "AppealPhoto_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "AccountAppeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;