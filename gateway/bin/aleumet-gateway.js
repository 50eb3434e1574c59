#!/usr/bin/env node
// Committed and executable, unlike dist/ (built after npm links bins): `npx aleumet-gateway --supergraph …`.
import "../dist/main.js";
