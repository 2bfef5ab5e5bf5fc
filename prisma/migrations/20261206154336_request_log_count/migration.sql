-- AlterTable
ALTER TABLE "request_log" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1;
