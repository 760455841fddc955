#!/usr/bin/env node
// Placeholder until the CLI lands.
process.stderr.write('ogc-processes-mcp: not yet implemented\n');
