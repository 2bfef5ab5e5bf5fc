-- DropIndex
DROP INDEX "usage_rollups_minute_apiId_routeKey_appId_keyId_planId_subs_key";

-- DropIndex
DROP INDEX "usage_rollups_hourly_bucket_apiId_routeKey_appId_keyId_plan_key";

-- DropIndex
DROP INDEX "usage_rollups_daily_bucket_apiId_routeKey_appId_keyId_planI_key";

-- AlterTable
ALTER TABLE "usage_rollups" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success';

-- AlterTable
ALTER TABLE "usage_rollups_hourly" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success';

-- AlterTable
ALTER TABLE "usage_rollups_daily" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success';

-- AlterTable
ALTER TABLE "request_log" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success';

-- Rows written before outcomes were recorded get the class their status implies (a limit's 429 stays a client error)
UPDATE "usage_rollups" SET "outcome" = CASE WHEN "statusClass" >= 5 THEN 'serverError' ELSE 'clientError' END WHERE "statusClass" >= 4;
UPDATE "usage_rollups_hourly" SET "outcome" = CASE WHEN "statusClass" >= 5 THEN 'serverError' ELSE 'clientError' END WHERE "statusClass" >= 4;
UPDATE "usage_rollups_daily" SET "outcome" = CASE WHEN "statusClass" >= 5 THEN 'serverError' ELSE 'clientError' END WHERE "statusClass" >= 4;
UPDATE "request_log" SET "outcome" = CASE WHEN "status" >= 500 THEN 'serverError' ELSE 'clientError' END WHERE "status" >= 400;

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_minute_apiId_routeKey_appId_keyId_planId_subs_key" ON "usage_rollups"("minute", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_hourly_bucket_apiId_routeKey_appId_keyId_plan_key" ON "usage_rollups_hourly"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_daily_bucket_apiId_routeKey_appId_keyId_planI_key" ON "usage_rollups_daily"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome");
