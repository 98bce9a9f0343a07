/**
 * PodLogOptions from the query string, validated with the API server's wording
 * (`PodLogOptions "x" is invalid: …` → 422, unparsable numbers → 400).
 */
import { ApiError } from '../../types';
import { badRequest, queryBool } from '../pods';

export interface PodLogOptions {
  container: string | null;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  /** Epoch ms from sinceSeconds or sinceTime. */
  sinceMs?: number;
}

function integer(query: URLSearchParams, key: string): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw === '') return undefined;
  if (!/^[+-]?\d+$/.test(raw)) throw badRequest(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
  return Number(raw);
}

export function parseLogOptions(podName: string, query: URLSearchParams, nowMs: number): PodLogOptions {
  const tailLines = integer(query, 'tailLines');
  const limitBytes = integer(query, 'limitBytes');
  const sinceSeconds = integer(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  const problems: string[] = [];
  if (tailLines !== undefined && tailLines < 0) problems.push(`tailLines: Invalid value: ${tailLines}: must be greater than or equal to 0`);
  if (limitBytes !== undefined && limitBytes < 1) problems.push(`limitBytes: Invalid value: ${limitBytes}: must be greater than 0`);
  if (sinceSeconds !== undefined && sinceSeconds < 1) problems.push(`sinceSeconds: Invalid value: ${sinceSeconds}: must be greater than 0`);
  if (sinceSeconds !== undefined && sinceTime) problems.push('sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (problems.length > 0) {
    const message = `PodLogOptions "${podName}" is invalid: ${problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`}`;
    throw new ApiError(422, 'Invalid', message, { name: podName, kind: 'PodLogOptions', causes: problems.map((p) => ({ reason: 'FieldValueInvalid', message: p.slice(p.indexOf(':') + 2), field: p.slice(0, p.indexOf(':')) })) });
  }
  let sinceMs: number | undefined;
  if (sinceSeconds !== undefined) sinceMs = nowMs - sinceSeconds * 1000;
  if (sinceTime) {
    sinceMs = Date.parse(sinceTime);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(sinceTime) || Number.isNaN(sinceMs)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
  }
  return {
    container: query.get('container') || null,
    follow: queryBool(query, 'follow'),
    previous: queryBool(query, 'previous'),
    timestamps: queryBool(query, 'timestamps'),
    tailLines,
    limitBytes,
    sinceMs,
  };
}
