/** How a cluster looks in the hotbar and status bar: initials and a health summary. */
import type { ClusterHealth } from '../../../app/contract/pilothouse';

export type HealthDot = 'live' | 'reconnecting' | 'failed' | 'connecting';

/** Up to two initials from a context name ("kind-dev-eu" → "KD", "arn:aws:eks:…/prod" → "PR"). */
export function contextInitials(name: string): string {
  const tail = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const words = tail.split(/[-_.:@\s]+/).filter(Boolean);
  if (words.length >= 2) return (firstChar(words[0]) + firstChar(words[1])).toUpperCase();
  const chars = Array.from(words[0] ?? name);
  return chars.slice(0, 2).join('').toUpperCase() || '?';
}

function firstChar(word: string): string {
  return Array.from(word)[0] ?? '';
}

/**
 * One dot for a cluster: failed wins, then any stream reconnecting (or data stale), then
 * connecting. A failed stream (a kind the user may not list) is that stream's state: the
 * cluster stays live.
 */
export function healthDot(health: ClusterHealth | undefined): HealthDot {
  if (!health) return 'connecting';
  if (health.state === 'failed') return 'failed';
  if (health.state === 'connecting' || health.state === 'disconnected') return 'connecting';
  if (health.streams.reconnecting > 0 || health.staleSince) return 'reconnecting';
  return 'live';
}
