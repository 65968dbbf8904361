#!/usr/bin/env node
// The CLI runs the TypeScript core through tsx's loader, so `npx school-office` works right after a clone.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { runCli } = await import(path.join(here, '..', 'src-main', 'cli.ts'));
const args = process.argv.slice(2);
process.exit(await runCli(args.length === 0 || args[0] === '--help' ? ['help'] : args));
