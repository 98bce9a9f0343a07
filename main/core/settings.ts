/** User settings in a small JSON file (atomic writes, serialized); invalid fields are dropped. */
import fs from 'node:fs/promises';
import { displayError } from '../../app/contract/errors';
import type { Settings } from '../../app/contract/pilothouse';
import { createSerialQueue, writeFileAtomic } from './util/atomicWrite';

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export class SettingsStore {
  private settings: Settings = {};
  private readonly serial = createSerialQueue();

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async load(): Promise<Settings> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      this.settings = sanitizeSettings(raw, false);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Ignoring unreadable settings ${this.file}: ${(err as Error).message}`);
      this.settings = {};
    }
    return this.get();
  }

  get(): Settings {
    return structuredClone(this.settings);
  }

  /** Merges a validated partial update and writes the file. Throws bad-request on bad input. */
  update(patch: unknown): Promise<Settings> {
    const clean = sanitizeSettings(patch, true);
    return this.serial(async () => {
      const next: Settings = { ...this.settings };
      for (const key of Object.keys(patch as object) as (keyof Settings)[]) {
        // An explicit undefined/null clears a setting (e.g. back to the system language).
        if (clean[key] === undefined) delete next[key];
        else (next as Record<string, unknown>)[key] = clean[key];
      }
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
      this.settings = next;
      return this.get();
    });
  }
}

/** Validates settings; `strict` throws on bad fields (renderer input), otherwise drops them (file). */
export function sanitizeSettings(raw: unknown, strict: boolean): Settings {
  const fail = (message: string) => {
    if (strict) throw displayError('bad-request', { code: 'bad-request' }, message, { detail: message });
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('Settings must be an object');
    return {};
  }
  const r = raw as Record<string, unknown>;
  const out: Settings = {};
  for (const key of Object.keys(r)) if (key !== 'language' && key !== 'openContexts') fail(`Unknown setting "${key}"`);
  if (r.language !== undefined && r.language !== null) {
    if (typeof r.language === 'string' && r.language.length <= 35 && LANGUAGE_TAG.test(r.language)) out.language = r.language;
    else fail('language must be a BCP 47 tag such as "en" or "pt-BR"');
  }
  if (r.openContexts !== undefined && r.openContexts !== null) {
    if (Array.isArray(r.openContexts) && r.openContexts.length <= 200 && r.openContexts.every((c) => typeof c === 'string' && c.length <= 253)) {
      out.openContexts = [...new Set(r.openContexts as string[])];
    } else fail('openContexts must be a list of context names');
  }
  return out;
}
