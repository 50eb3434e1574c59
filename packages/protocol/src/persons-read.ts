/**
 * Response extension in which a subgraph names the persons whose data a request loaded, so the gateway's
 * audit records them even when the caller selected no id. Subgraphs are internal: the gateway drops
 * subgraph extensions from what callers see.
 */
export const PERSONS_READ_EXTENSION = 'personsRead';
