/**
 * The entity-cache contract between the subgraphs and a cache in front of them (the gateway's entity
 * cache): what a subgraph's answer says it read, and what the database says changed.
 *
 * Answers: a query's single result carries `extensions[CACHE_EXTENSION]`:
 *   `{ tags: [...] }`                the answer depends only on the rows these tags name, and on the caller;
 *   `{ tags: [...], public: true }`  the same, and it is the same answer for every caller: it may be shared;
 *   `{ noStore: true }`              it must not be kept (it wrote, read the clock, called another service,
 *                                    or read something it cannot name).
 * A tag is `<schema>.<table>` (any row of the table) or `<schema>.<table>:<column>=<value>` (only the rows
 * whose column has that value; columns per `isTaggedColumn`). An answer without the extension is not kept.
 *
 * Changes: after every committed statement that changed rows of a subgraph table, the database sends
 * `pg_notify(CHANGES_CHANNEL, payload)` with a `ChangeNotification` as JSON:
 *   `{"t":"<schema>.<table>","k":["id=<v>","measure_id=<v>",…]}`: the key values of the changed rows
 *     (old and new versions), in the tag format above; or
 *   `{"t":"<schema>.<table>","all":true}`: too many rows or too long a payload to list, or TRUNCATE.
 * A cache drops every entry with the table's tag or one of the row tags. Payloads starting `fence:` are a
 * listener's own markers (it sends one and waits for it to learn that every earlier commit has reached it).
 */
export const CACHE_EXTENSION = 'cache';

export type CacheExtension = { tags: string[]; public?: true } | { noStore: true };

/** The PostgreSQL channel of change notifications. */
export const CHANGES_CHANNEL = 'aleumet_changes';

export type ChangeNotification = { t: string; k: string[] } | { t: string; all: true };

/** Columns whose values the change notifications report: only these can carry row tags. */
export const isTaggedColumn = (column: string) => column === 'id' || column === 'code' || column.endsWith('_id');

/** Above this many row tags for one table, an answer carries the table's tag instead. */
export const MAX_ROW_TAGS_PER_TABLE = 2000;
/** Above this many changed rows, a notification names the whole table (`all`). */
export const CHANGES_MAX_ROWS = 100;
/** pg_notify refuses payloads of 8,000 bytes and more. */
export const CHANGES_MAX_PAYLOAD_BYTES = 7000;
