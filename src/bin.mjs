#!/usr/bin/env node
// Entry point of the `keyfigures` command: loads the TypeScript sources through tsx (so there is
// no build step between a clone and `npm start`), then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
