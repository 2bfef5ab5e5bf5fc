-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "partner" BOOLEAN NOT NULL DEFAULT false;
