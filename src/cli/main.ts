import type { CliCommand } from './commands/command';
import { exportCommand } from './commands/export';
import { extractCommand } from './commands/extractCommand';
import { reanchorCommand } from './commands/reanchorCommand';
import { scanCommand } from './commands/scanCommand';
import { entitiesCommand } from './commands/entitiesCommand';
import { quotesCommand } from './commands/quotesCommand';
import { timelineCommand } from './commands/timelineCommand';
import { connectionsCommand } from './commands/connectionsCommand';
import { archiveCommand } from './commands/archiveCommand';
import { corroborationCommand } from './commands/corroborationCommand';

const COMMANDS: CliCommand[] = [
  extractCommand, scanCommand, exportCommand, reanchorCommand, entitiesCommand, quotesCommand, timelineCommand, connectionsCommand,
  archiveCommand,
  corroborationCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: source-annotator <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "source-annotator <command> --help" for a command\'s options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`source-annotator: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`source-annotator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
