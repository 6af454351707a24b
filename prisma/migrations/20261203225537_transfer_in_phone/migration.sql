-- AlterTable
ALTER TABLE "TransferIn" ADD COLUMN     "phoneMatched" BOOLEAN NOT NULL DEFAULT false;
