-- AlterTable
ALTER TABLE "discovered_endpoints" ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "removed_api_operations" (
    "apiId" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "removed_api_operations_pkey" PRIMARY KEY ("apiId","method","path")
);

-- AddForeignKey
ALTER TABLE "removed_api_operations" ADD CONSTRAINT "removed_api_operations_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "apis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
