import { systemClock, type Clock } from '../platform/clock.ts';

/** A usage or input error: printed as one line on stderr, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** What a command reads and writes besides its arguments: output streams and the one clock. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
}

export const processIo: CliIo = {
  clock: systemClock,
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
