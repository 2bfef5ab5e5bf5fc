-- DropIndex
DROP INDEX "apis_basePath_key";

-- CreateIndex
CREATE INDEX "apis_basePath_idx" ON "apis"("basePath");
