/**
 * A local port nothing listens on (1, tcpmux), so connecting to 127.0.0.1 on it is
 * refused every time. Tests that need a refused connection use it rather than a port
 * found free and released, which a server of a test file running in parallel may take
 * in between (and then answer).
 */
export const REFUSED_PORT = 1;
