/**
 * Which database the demo may use. Its accounts have a public password, so it seeds only an empty database and
 * runs again only on a database it seeded itself (marked in `settings`) that holds nothing but its own accounts
 * and what they did: an account it did not create or a dossier imported from a former system is real data, and
 * the demo refuses it. Pure: the I/O is `probeDemoDatabase` (demo.repository.ts).
 */

/** How many of the other accounts a refusal names. */
export const SHOWN = 3;

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** What a database holds, as far as the demo cares. */
export interface DemoProbe {
  /** The demo seeded this database. */
  marked: boolean;
  /** Accounts that are not demo accounts: the first SHOWN + 1 by username (one more says there are more). */
  otherAccounts: string[];
  accounts: number;
  dossiers: number;
  /** Dossiers imported from a former system (counted on a marked database only). */
  importedDossiers: number;
  petitions: number;
  tasks: number;
}

/** Why the demo must not use this database, or undefined when it may (empty, or the demo's own). */
export function demoRefusal(probe: DemoProbe): string | undefined {
  const others = probe.otherAccounts;
  if (others.length)
    return `holds ${others.length === 1 ? 'an account that is not a demo account' : 'accounts that are not demo accounts'} (${others.slice(0, SHOWN).join(', ')}${others.length > SHOWN ? ', …' : ''})`;
  if (probe.importedDossiers) return `holds ${counted(probe.importedDossiers, 'imported dossier')}`;
  const held = [
    counted(probe.accounts, 'account'),
    counted(probe.dossiers, 'dossier'),
    counted(probe.petitions, 'petition'),
    counted(probe.tasks, 'task'),
  ].filter((s) => !s.startsWith('0 '));
  if (!probe.marked && held.length) return `holds data the demo did not make (${held.join(', ')})`;
  return undefined;
}
