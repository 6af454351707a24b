-- CreateTable
CREATE TABLE "TransferOut" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "destMember" VARCHAR(6) NOT NULL,
    "destRegionCode" VARCHAR(6) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "reviewDueAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedBy" VARCHAR(64),
    "reviewReason" VARCHAR(500),
    "hubState" VARCHAR(20),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TransferOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferOutAttachment" (
    "transferId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "attachmentId" UUID NOT NULL,

    CONSTRAINT "TransferOutAttachment_pkey" PRIMARY KEY ("transferId","position")
);

-- CreateTable
CREATE TABLE "TransferIn" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "originMember" VARCHAR(6) NOT NULL,
    "originRegionName" VARCHAR(100) NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "reviewDueAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedBy" VARCHAR(64),
    "reviewReason" VARCHAR(500),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "fileImportedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TransferIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "recipient" VARCHAR(10) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "transferId" UUID,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "lastError" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" UUID NOT NULL,
    "sender" VARCHAR(10) NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeNonce" (
    "member" VARCHAR(64) NOT NULL,
    "nonce" VARCHAR(128) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExchangeNonce_pkey" PRIMARY KEY ("member","nonce")
);

-- CreateTable
CREATE TABLE "HolidayDay" (
    "day" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "name" VARCHAR(40),
    "source" VARCHAR(20) NOT NULL,
    "updatedBy" VARCHAR(64),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HolidayDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "HubMember" (
    "code" VARCHAR(6) NOT NULL,
    "baseUrl" VARCHAR(300) NOT NULL,
    "secretCipher" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HubMember_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "HubTransfer" (
    "id" UUID NOT NULL,
    "originMember" VARCHAR(6) NOT NULL,
    "originRegionCode" VARCHAR(6) NOT NULL,
    "originRegionName" VARCHAR(100) NOT NULL,
    "destMember" VARCHAR(6) NOT NULL,
    "destRegionCode" VARCHAR(6) NOT NULL,
    "personIndex" VARCHAR(64) NOT NULL,
    "personCipher" TEXT NOT NULL,
    "idNumberMasked" VARCHAR(40) NOT NULL,
    "file" JSONB NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HubTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HubTransferEvent" (
    "id" BIGSERIAL NOT NULL,
    "transferId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event" VARCHAR(20) NOT NULL,
    "sender" VARCHAR(6) NOT NULL,
    "messageId" UUID,
    "outcome" VARCHAR(20) NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(500),

    CONSTRAINT "HubTransferEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HubPersonFile" (
    "personIndex" VARCHAR(64) NOT NULL,
    "member" VARCHAR(6) NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HubPersonFile_pkey" PRIMARY KEY ("personIndex")
);

-- CreateIndex
CREATE INDEX "TransferOut_personId_createdAt_idx" ON "TransferOut"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "TransferOut_regionCode_state_idx" ON "TransferOut"("regionCode", "state");

-- CreateIndex
CREATE INDEX "TransferOut_state_reviewDueAt_idx" ON "TransferOut"("state", "reviewDueAt");

-- CreateIndex
CREATE INDEX "TransferOutAttachment_attachmentId_idx" ON "TransferOutAttachment"("attachmentId");

-- CreateIndex
CREATE INDEX "TransferIn_personId_createdAt_idx" ON "TransferIn"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "TransferIn_regionCode_state_idx" ON "TransferIn"("regionCode", "state");

-- CreateIndex
CREATE INDEX "TransferIn_state_reviewDueAt_idx" ON "TransferIn"("state", "reviewDueAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_deliveredAt_nextAttemptAt_idx" ON "OutboxMessage"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_transferId_idx" ON "OutboxMessage"("transferId");

-- CreateIndex
CREATE INDEX "InboxMessage_receivedAt_idx" ON "InboxMessage"("receivedAt");

-- CreateIndex
CREATE INDEX "ExchangeNonce_expiresAt_idx" ON "ExchangeNonce"("expiresAt");

-- CreateIndex
CREATE INDEX "HolidayDay_year_idx" ON "HolidayDay"("year");

-- CreateIndex
CREATE INDEX "HubTransfer_personIndex_state_idx" ON "HubTransfer"("personIndex", "state");

-- CreateIndex
CREATE INDEX "HubTransfer_destMember_state_idx" ON "HubTransfer"("destMember", "state");

-- CreateIndex
CREATE INDEX "HubTransferEvent_transferId_at_idx" ON "HubTransferEvent"("transferId", "at");

-- AddForeignKey
ALTER TABLE "TransferOut" ADD CONSTRAINT "TransferOut_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferOutAttachment" ADD CONSTRAINT "TransferOutAttachment_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "TransferOut"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferOutAttachment" ADD CONSTRAINT "TransferOutAttachment_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferIn" ADD CONSTRAINT "TransferIn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HubTransferEvent" ADD CONSTRAINT "HubTransferEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "HubTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One open 调出申请 per person: a second 保存 racing the first loses on this index.
CREATE UNIQUE INDEX "TransferOut_personId_open_key" ON "TransferOut"("personId")
  WHERE "state" IN ('pending', 'approved', 'withdrawing');

-- One open 调入 per person here.
CREATE UNIQUE INDEX "TransferIn_personId_open_key" ON "TransferIn"("personId")
  WHERE "state" IN ('pending', 'approved');

-- Undelivered outbox messages, oldest due first: the delivery job's only query.
CREATE INDEX "OutboxMessage_due_idx" ON "OutboxMessage"("nextAttemptAt") WHERE "deliveredAt" IS NULL;

-- The hub's audit trail is append-only, like AuditEvent.
CREATE FUNCTION "hub_transfer_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '调转记录只允许追加 / HubTransferEvent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "HubTransferEvent_no_update_delete"
    BEFORE UPDATE OR DELETE ON "HubTransferEvent"
    FOR EACH ROW EXECUTE FUNCTION "hub_transfer_event_append_only"();
