/** What a list+watch stream tells the renderer. */
import { ERROR_CODES, type DisplayMessage } from '../contract/errors';
import type { KubeObject } from '../kube/object';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'failed';

/**
 * Every reason the core gives for a stream that is not live: its own watch reasons, and the
 * error code of whatever failed. The renderer shows `status.reason.<reason>` as a short label;
 * renderer/components/common/messageKeys.test.ts proves each has a key in every catalog.
 */
export const STREAM_REASONS = [...ERROR_CODES, 'connection-dropped', 'stalled', 'malformed', 'watch-error'] as const;

export type StreamReason = (typeof STREAM_REASONS)[number];

export interface StreamStatus {
  state: StreamState;
  /** ISO time the stream entered this state. */
  since: string;
  /**
   * Short machine-readable reason, e.g. "connection-dropped", "gone", "forbidden", "stalled":
   * a StreamReason from the core; the renderer adds a few of its own (e.g. "core-disconnected").
   */
  reason?: string;
  /** English sentence for logs; people see `display` and `detail`. */
  message?: string;
  /** The full explanation as a message id with parameters, translated by the renderer. */
  display?: DisplayMessage;
  /** Text that is not ours to translate (the API server's message), shown verbatim. */
  detail?: string;
  /** ISO time of the next reconnect attempt while reconnecting. */
  nextRetryAt?: string;
  /** Retry attempt number while reconnecting (1-based). */
  attempt?: number;
  /** ISO time since when the data shown may be out of date (set while not live). */
  staleSince?: string;
}

export interface WatchChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export type WatchEvent =
  /**
   * The initial list, page by page as the core lists it, so the first rows show at once.
   * `first` starts a listing: what the receiver held before is replaced once `synced` comes
   * (kept on screen until then, so a re-subscription never blanks a big list). A late
   * subscriber gets the informer's cache the same way, in pages.
   */
  | { type: 'page'; items: KubeObject[]; first: boolean }
  /** Every object of the listing has been sent: counts are whole, the list is sortable as a whole. */
  | { type: 'synced'; resourceVersion: string }
  /**
   * Changes coalesced over one tick (~50 ms), in order; after `synced`. A relist after 410 Gone
   * or a restart is sent as changes too (only what differs), never as a second listing.
   */
  | { type: 'changes'; changes: WatchChange[]; resourceVersion: string }
  | { type: 'status'; status: StreamStatus };
