#!/usr/bin/env node
import { Command } from 'commander';

import { runCli } from './commands.js';

const program = new Command();
runCli(program, process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
