/**
 * One query for several callers in one HTTP request (a gateway delivering one subscription event to
 * several subscribers, or sending concurrent operations' fetches of one document together):
 * `extensions.callers` lists each caller, as its `authorization` ("Bearer …") or as
 * `{ authorization, variables?, requestId? }` with its own variables and request id (default: the request's).
 * The answer is `{ results: [...] }` in the same order, each exactly what that caller alone would get.
 * Subgraphs that take it say so on every answer with this header (its value: the most callers per request).
 */
export const CALLERS_HEADER = 'x-aleumet-callers';
export const MAX_CALLERS = 100;
