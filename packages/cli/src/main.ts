import { PolycamError } from '@polycam/core';
import { CommanderError, InvalidArgumentError } from 'commander';
import { buildProgram } from './buildProgram.js';
import type { CliIo } from './CliIo.js';

/**
 * Runs the `polycam` command line and returns its exit status: 0 on success, 1 when the
 * command fails or an option's value is invalid (one line on standard error names the problem;
 * a value that no loaded plugin registers included), 2 for commander's own usage errors (an
 * unknown option or command, a missing argument), 130 when Ctrl-C (SIGINT) cancelled the
 * command, as shells expect.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams and a cancellation signal; the process's by default, with Ctrl-C wired
 *   to cancellation.
 * @returns The exit status.
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
    controller.abort();
  };
  const streams: CliIo = io ?? { stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
  if (io === undefined) process.once('SIGINT', onInterrupt);
  try {
    await buildProgram(streams).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // An invalid option value is the user's bad input (exit 1), whether a plugin-registered id
    // checked after parsing (thrown here) or an argParser's refusal (which commander printed).
    if (error instanceof InvalidArgumentError) {
      streams.stderr.write(`polycam: error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CommanderError && error.code === 'commander.invalidArgument') return 1;
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const prefix = PolycamError.is(error) ? (error.kind === 'aborted' ? 'cancelled' : 'error') : 'internal error';
    streams.stderr.write(`polycam: ${prefix}: ${message}\n`);
    return interrupted && PolycamError.is(error, 'aborted') ? 130 : 1;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
