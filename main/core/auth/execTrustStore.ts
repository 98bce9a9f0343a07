/**
 * Which exec credential plugins the user has trusted, keyed by context and exact command line.
 * Kept in a small JSON file (written atomically) so trust survives restarts; an exec command that
 * is not in it is never run.
 */
import fs from 'node:fs/promises';
import { createSerialQueue, writeFileAtomic } from '../util/atomicWrite';

interface TrustFile {
  version: 1;
  trusted: { context: string; command: string; trustedAt: string }[];
}

export class ExecTrustStore {
  private entries = new Map<string, { context: string; command: string; trustedAt: string }>();
  private readonly serial = createSerialQueue();

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async load(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Cannot read trust store ${this.file}: ${(err as Error).message}`);
      return;
    }
    try {
      const parsed = JSON.parse(text) as Partial<TrustFile>;
      for (const e of Array.isArray(parsed.trusted) ? parsed.trusted : []) {
        if (e && typeof e.context === 'string' && typeof e.command === 'string') {
          this.entries.set(key(e.context, e.command), { context: e.context, command: e.command, trustedAt: String(e.trustedAt ?? '') });
        }
      }
    } catch (err) {
      // A corrupt trust store trusts nothing (safe default); the user is simply asked again.
      this.log(`Ignoring corrupt trust store ${this.file}: ${(err as Error).message}`);
    }
  }

  isTrusted(context: string, command: string): boolean {
    return this.entries.has(key(context, command));
  }

  async trust(context: string, command: string): Promise<void> {
    this.entries.set(key(context, command), { context, command, trustedAt: new Date().toISOString() });
    const data: TrustFile = { version: 1, trusted: [...this.entries.values()] };
    await this.serial(() => writeFileAtomic(this.file, JSON.stringify(data, null, 2) + '\n'));
  }
}

function key(context: string, command: string): string {
  return JSON.stringify([context, command]);
}
