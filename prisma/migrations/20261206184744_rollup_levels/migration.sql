-- AlterTable
ALTER TABLE "usage_rollups" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "usage_rollups_hourly" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "apiId" UUID NOT NULL,
    "routeKey" TEXT NOT NULL,
    "appId" TEXT NOT NULL DEFAULT '',
    "keyId" TEXT NOT NULL DEFAULT '',
    "planId" TEXT NOT NULL DEFAULT '',
    "subscriptionId" TEXT NOT NULL DEFAULT '',
    "statusClass" INTEGER NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "units" BIGINT NOT NULL DEFAULT 0,
    "errors" BIGINT NOT NULL DEFAULT 0,
    "bytesIn" BIGINT NOT NULL DEFAULT 0,
    "bytesOut" BIGINT NOT NULL DEFAULT 0,
    "latencySumMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latencyBuckets" BIGINT[] DEFAULT ARRAY[]::BIGINT[],

    CONSTRAINT "usage_rollups_hourly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_rollups_daily" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "apiId" UUID NOT NULL,
    "routeKey" TEXT NOT NULL,
    "appId" TEXT NOT NULL DEFAULT '',
    "keyId" TEXT NOT NULL DEFAULT '',
    "planId" TEXT NOT NULL DEFAULT '',
    "subscriptionId" TEXT NOT NULL DEFAULT '',
    "statusClass" INTEGER NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "units" BIGINT NOT NULL DEFAULT 0,
    "errors" BIGINT NOT NULL DEFAULT 0,
    "bytesIn" BIGINT NOT NULL DEFAULT 0,
    "bytesOut" BIGINT NOT NULL DEFAULT 0,
    "latencySumMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latencyBuckets" BIGINT[] DEFAULT ARRAY[]::BIGINT[],

    CONSTRAINT "usage_rollups_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollup_watermarks" (
    "level" TEXT NOT NULL,
    "upTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rollup_watermarks_pkey" PRIMARY KEY ("level")
);

-- CreateIndex
CREATE INDEX "usage_rollups_hourly_appId_bucket_idx" ON "usage_rollups_hourly"("appId", "bucket");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_hourly_bucket_apiId_routeKey_appId_keyId_plan_key" ON "usage_rollups_hourly"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass");

-- CreateIndex
CREATE INDEX "usage_rollups_daily_appId_bucket_idx" ON "usage_rollups_daily"("appId", "bucket");

-- CreateIndex
CREATE UNIQUE INDEX "usage_rollups_daily_bucket_apiId_routeKey_appId_keyId_planI_key" ON "usage_rollups_daily"("bucket", "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass");

-- CreateIndex
CREATE INDEX "usage_rollups_updatedAt_idx" ON "usage_rollups"("updatedAt");

-- Sums latency histograms element by element (the arrays of usage rollups), as an aggregate:
-- the hourly and daily levels merge buckets, never averages.
CREATE FUNCTION tollgate_add_buckets(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(a, b) WITH ORDINALITY AS h(x, y, i) ORDER BY i)
$$;

CREATE AGGREGATE tollgate_sum_buckets(bigint[]) (SFUNC = tollgate_add_buckets, STYPE = bigint[], INITCOND = '{}');
