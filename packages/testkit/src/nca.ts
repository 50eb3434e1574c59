/** The national EDS test doubles: an NCA RK-shaped test PKI (OCSP, CRL), a fake NCALayer, and the suppliers' development signatures. Kept apart from the index so only tests that sign load them. */
export * from './nca-pki.js';
export * from './ncalayer.js';
export * from './supplier-signing.js';
