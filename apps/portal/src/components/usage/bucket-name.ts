/** A bucket width in words: "minute", "15 minutes", "6 hours", "day". */
export function bucketName(bucketMs: number): string {
  const minutes = bucketMs / 60_000;
  if (minutes < 60) return minutes === 1 ? 'minute' : `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? 'hour' : hours === 24 ? 'day' : `${hours} hours`;
}
