/**
 * Prometheus text exposition format 0.0.4 writer. Hand-written: the format is a few rules
 * (HELP/TYPE once per family, escaped label values, Go-style float text) and the npm clients
 * (prom-client) model a live process registry, not thousands of synthetic series per scrape.
 */

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'untyped';
export type Labels = Record<string, string>;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Collects families in order; each family's HELP/TYPE is written once, before its samples. */
export class ExpositionWriter {
  private readonly families = new Map<string, { help: string; type: MetricType; lines: string[] }>();

  family(name: string, type: MetricType, help: string): (labels: Labels, value: number) => void {
    let family = this.families.get(name);
    if (!family) this.families.set(name, (family = { help, type, lines: [] }));
    const lines = family.lines;
    return (labels, value) => {
      const parts: string[] = [];
      for (const key in labels) parts.push(`${key}="${escapeLabel(labels[key])}"`);
      lines.push(parts.length > 0 ? `${name}{${parts.join(',')}} ${formatValue(value)}` : `${name} ${formatValue(value)}`);
    };
  }

  toString(): string {
    let out = '';
    for (const [name, family] of this.families) {
      if (family.lines.length === 0) continue;
      out += `# HELP ${name} ${escapeHelp(family.help)}\n# TYPE ${name} ${family.type}\n${family.lines.join('\n')}\n`;
    }
    return out;
  }
}
