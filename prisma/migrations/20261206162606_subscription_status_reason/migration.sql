-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "statusReason" TEXT;
