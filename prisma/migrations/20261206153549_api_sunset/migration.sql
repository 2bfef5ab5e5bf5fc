-- AlterTable
ALTER TABLE "apis" ADD COLUMN     "sunsetAt" TIMESTAMP(3);
