import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs that turns every parsing problem into a CliUsageError naming the command. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new CliUsageError(`${command}: ${message.split('\n')[0]}`);
  }
}

/** `--limit -1` → `--limit=-1`, so a negative number reaches validation (and its clear message). */
function joinNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function requireString(command: string, name: string, value: string | boolean | undefined): string {
  if (typeof value !== 'string' || value === '') throw new CliUsageError(`${command}: --${name} is required`);
  return value;
}

export function parseIntOption(
  command: string,
  name: string,
  value: string | undefined,
  min: number,
  max: number,
) {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliUsageError(`${command}: --${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return Number(value);
}
