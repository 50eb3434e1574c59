/**
 * One query for several callers in one HTTP request (a gateway delivering one subscription event to
 * several subscribers): `extensions.callers` lists each caller's `authorization` ("Bearer …"), the
 * answer is `{ results: [...] }` in the same order, each exactly what that caller alone would get.
 * Subgraphs that take it say so on every answer with this header (its value: the most callers per request).
 */
export const CALLERS_HEADER = 'x-aleumet-callers';
export const MAX_CALLERS = 100;
