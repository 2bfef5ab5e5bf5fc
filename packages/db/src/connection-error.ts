/** One readable line for a database error, with the password taken out of the URL. */
export function describeConnectionError(error: unknown, databaseUrl: string): string {
  const where = redactUrl(databaseUrl);
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|Can't reach database server/.test(message)) {
    return `cannot reach PostgreSQL at ${where} (connection refused). Start PostgreSQL, fix DATABASE_URL, or unset it to use the embedded one.`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ENOTFOUND|EAI_AGAIN/.test(message)) {
    return `cannot resolve the host in DATABASE_URL (${where}). Fix the host name.`;
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return `PostgreSQL at ${where} did not answer in time. Check the host, port and firewall.`;
  }
  if (code === '28P01' || code === '28000') {
    return `PostgreSQL at ${where} refused the login. Check the user and password in DATABASE_URL.`;
  }
  if (code === '3D000') return `the database in DATABASE_URL (${where}) does not exist.`;
  return `${message.split('\n')[0]} (database ${where})`;
}

export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
