-- request_log becomes partitioned on "time": retention drops a day's table instead of deleting
-- rows, and a search inside a time range reads only its days. Prisma sees the same columns,
-- key and index. The rows stored so far stay where they are: their table becomes the first
-- partition, holding everything before tomorrow (UTC), and is dropped whole once the
-- retention passes its end. Daily partitions (request_log_YYYYMMDD) follow, made ahead and on
-- demand by packages/db/src/usage/request-log-partitions.ts.

ALTER TABLE "request_log" RENAME TO "request_log_before_partitions";
ALTER INDEX "request_log_pkey" RENAME TO "request_log_before_partitions_pkey";
ALTER INDEX "request_log_appId_time_idx" RENAME TO "request_log_before_partitions_appId_time_idx";

CREATE TABLE "request_log" (LIKE "request_log_before_partitions" INCLUDING DEFAULTS) PARTITION BY RANGE ("time");
ALTER TABLE "request_log" ADD CONSTRAINT "request_log_pkey" PRIMARY KEY ("time", "id");
CREATE INDEX "request_log_appId_time_idx" ON "request_log"("appId", "time");

ALTER TABLE "request_log" ATTACH PARTITION "request_log_before_partitions"
  FOR VALUES FROM (MINVALUE) TO (date_trunc('day', CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + interval '1 day');
