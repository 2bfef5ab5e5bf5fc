-- CreateEnum
CREATE TYPE "DiscoveryDecisionKind" AS ENUM ('split', 'merge');

-- AlterTable
ALTER TABLE "discovered_endpoints" ADD COLUMN     "blockStatus" INTEGER,
ADD COLUMN     "consumers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "credentialsSeen" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "promotedAt" TIMESTAMP(3),
ADD COLUMN     "samples" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "statusCounts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "unauthenticatedHits" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "discovery_decisions" (
    "id" UUID NOT NULL,
    "host" TEXT NOT NULL DEFAULT '',
    "kind" "DiscoveryDecisionKind" NOT NULL,
    "template" TEXT NOT NULL,
    "into" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discovery_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "discovery_decisions_host_kind_template_key" ON "discovery_decisions"("host", "kind", "template");

-- CreateIndex
CREATE INDEX "discovered_endpoints_kind_lastSeenAt_idx" ON "discovered_endpoints"("kind", "lastSeenAt");
