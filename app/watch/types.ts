/** What a list+watch stream tells the renderer. */
import type { KubeObject } from '../kube/object';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface StreamStatus {
  state: StreamState;
  /** ISO time the stream entered this state. */
  since: string;
  /** Short machine-readable reason, e.g. "connection-dropped", "gone", "forbidden", "stalled". */
  reason?: string;
  /** Human-readable detail (the API server's message when there is one). */
  message?: string;
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
   * The first data event (also what a late subscriber gets first). A relist after 410 Gone is
   * sent as `changes` (only what differs), never as a second snapshot from the same informer.
   */
  | { type: 'snapshot'; items: KubeObject[]; resourceVersion: string }
  /** Changes coalesced over one tick (~50 ms), in order. */
  | { type: 'changes'; changes: WatchChange[]; resourceVersion: string }
  | { type: 'status'; status: StreamStatus };
