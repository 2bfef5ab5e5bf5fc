-- DropIndex
DROP INDEX "request_log_time_idx";

-- AlterTable
ALTER TABLE "request_log" DROP CONSTRAINT "request_log_pkey",
ADD CONSTRAINT "request_log_pkey" PRIMARY KEY ("time", "id");
