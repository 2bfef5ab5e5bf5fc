-- AlterTable
ALTER TABLE "upstream_targets" ADD COLUMN     "version" TEXT;

-- AlterTable
ALTER TABLE "request_log" ADD COLUMN     "upstreamVersion" TEXT;
