/** A CLI subcommand. `run` returns the process exit status; every command answers `--help`. */
export interface CliCommand {
  name: string;
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}
