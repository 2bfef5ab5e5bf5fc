-- DropIndex
DROP INDEX "usage_rollups_minute_apiId_routeKey_appId_keyId_planId_subs_key";

-- DropIndex
DROP INDEX "usage_rollups_hourly_bucket_apiId_routeKey_appId_keyId_plan_key";

-- DropIndex
DROP INDEX "usage_rollups_daily_bucket_apiId_routeKey_appId_keyId_planI_key";

-- AlterTable
ALTER TABLE "usage_rollups" ADD COLUMN     "upstreamVersion" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "usage_rollups_hourly" ADD COLUMN     "upstreamVersion" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "usage_rollups_daily" ADD COLUMN     "upstreamVersion" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_minute_apiId_routeKey_appId_keyId_planId_subs_key" ON "usage_rollups"("minute", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome", "upstreamVersion");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_hourly_bucket_apiId_routeKey_appId_keyId_plan_key" ON "usage_rollups_hourly"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome", "upstreamVersion");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_daily_bucket_apiId_routeKey_appId_keyId_planI_key" ON "usage_rollups_daily"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", "outcome", "upstreamVersion");
