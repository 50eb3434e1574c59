/** The national EDS test doubles: an NCA RK-shaped test PKI (OCSP, CRL) and a fake NCALayer. Kept apart from the index so only tests that sign load them. */
export * from './nca-pki.js';
export * from './ncalayer.js';
