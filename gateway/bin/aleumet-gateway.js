#!/usr/bin/env -S node --max-semi-space-size=64
// Committed and executable, unlike dist/ (built after npm links bins): `npx aleumet-gateway --supergraph …`.
// The node option in the first line is GATEWAY_NODE_OPTIONS (gateway/src/config.ts).
import "../dist/main.js";
