-- AlterTable
ALTER TABLE "discovered_endpoints" ADD COLUMN     "sensitiveData" TEXT[] DEFAULT ARRAY[]::TEXT[];
