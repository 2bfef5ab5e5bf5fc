-- AlterTable
ALTER TABLE "apis" ADD COLUMN     "deprecatedAt" TIMESTAMP(3);
