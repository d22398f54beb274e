#!/usr/bin/env node
// The `form4` command: routes to a subcommand and maps failures to exit codes
// (0 ok, 1 some input failed, 2 usage error).
import { parseCommand, parseHelp } from './parse-command.ts';
import {
  exportCommand,
  exportHelp,
  importCommand,
  importHelp,
  ingestCommand,
  ingestHelp,
  reparseCommand,
  reparseHelp,
  statsCommand,
  statsHelp,
} from './store-commands.ts';
import { UsageError } from './usage-error.ts';
import { fetchCommand, fetchHelp } from './fetch-command.ts';
import { syncCommand, syncHelp } from './sync-command.ts';
import { newCommand, newHelp } from './new-command.ts';
import { renderCommand, renderHelp } from './render-command.ts';
import { queryCommand, queryHelp } from './query-command.ts';
import { serveCommand, serveHelp } from './serve-command.ts';

const help = `Usage: form4 COMMAND [options]

form4 reads SEC insider filings (Forms 3, 4, 5 and amendments) into one exact
record, whatever form they come in.

Commands:
  parse FILE...   read filings and print their records (JSON, JSON Lines, CSV, table)
  ingest PATH...  read files, folders and .tar.gz archives into the store
  stats           count what the store holds
  reparse         read every stored filing again with this version's readers
  export          write stored filings as CSV, JSON Lines or the SEC data set layout
  import PATH...  load the SEC's Insider Transactions Data Sets (.zip or folder)
  fetch           download a company's or an owner's Forms 3/4/5 from EDGAR into the store
  sync            store every Form 3/4/5 from EDGAR's daily indexes since the last sync
  render FILE     write a filing as EDGAR XML (schema X0609), or the printed form as HTML or text
  new FILE        prepare a filing's XML from a short JSON, YAML or CSV description, and check it
  query KIND      ask the store: filings, insider and issuer activity, holdings, clusters, late filers, 10b5-1, search
  serve           serve the store over HTTP: a JSON API (OpenAPI at /api/openapi.json) and the web UI
  help [COMMAND]  show help for a command

Run "form4 COMMAND --help" for a command's options.`;

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  parse: { run: parseCommand, help: parseHelp },
  ingest: { run: ingestCommand, help: ingestHelp },
  stats: { run: statsCommand, help: statsHelp },
  reparse: { run: reparseCommand, help: reparseHelp },
  export: { run: exportCommand, help: exportHelp },
  import: { run: importCommand, help: importHelp },
  fetch: { run: fetchCommand, help: fetchHelp },
  sync: { run: syncCommand, help: syncHelp },
  render: { run: renderCommand, help: renderHelp },
  new: { run: newCommand, help: newHelp },
  query: { run: queryCommand, help: queryHelp },
  serve: { run: serveCommand, help: serveHelp },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(help + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === 'help') {
    const topic = rest[0] === undefined ? undefined : commands[rest[0]];
    process.stdout.write((topic ? topic.help : help) + '\n');
    return 0;
  }
  if (name === '--version') {
    process.stdout.write('form4 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`form4: ${(error as Error).message}\nRun "form4 ${command ? `${name} ` : ''}--help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
