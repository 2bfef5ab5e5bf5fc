-- CreateEnum
CREATE TYPE "AlertMetric" AS ENUM ('error_rate', 'p95_latency', 'quota_used');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('ok', 'firing');

-- AlterTable
ALTER TABLE "apps" ADD COLUMN     "excludedFromAnalytics" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "excludedFromAnalytics" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "metric" "AlertMetric" NOT NULL,
    "apiId" UUID,
    "subscriptionId" UUID,
    "threshold" DOUBLE PRECISION NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "webhook" BOOLEAN NOT NULL DEFAULT true,
    "mailTo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "AlertState" NOT NULL DEFAULT 'ok',
    "firingSince" TIMESTAMP(3),
    "transitions" INTEGER NOT NULL DEFAULT 0,
    "lastValue" DOUBLE PRECISION,
    "lastEvaluatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "apis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
