/** The RFC 6750 challenge sent with every 401 from authentication. */
export const CHALLENGE: Readonly<Record<string, string>> = Object.freeze({ 'www-authenticate': 'Bearer realm="tollgate"' });
