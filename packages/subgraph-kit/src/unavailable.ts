/**
 * Whether an error means "the database cannot be reached now" (down, restarting, refusing connections, the
 * session cut off), as opposed to a fault in the request: the caller gets SERVICE_UNAVAILABLE (retry
 * later) instead of a masked internal error. The pool replaces broken connections by itself, so the same
 * request succeeds once the server is back.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up / shutting down), 53300 too many connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES = /Connection terminated|Timeout acquiring a connection|Client has encountered a connection error|Connection is closed|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|connect ECONNREFUSED|read ECONNRESET/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); ) {
    seen.add(e);
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (name === 'ConnectionException' || name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    const next = e as { originalError?: unknown; cause?: unknown; previous?: unknown };
    e = next.originalError ?? next.cause ?? next.previous;
  }
  return false;
}
