#!/usr/bin/env node
// The installed `form4` command runs the compiled CLI (npm install builds dist/).
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
