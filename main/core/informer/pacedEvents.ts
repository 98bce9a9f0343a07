/**
 * One subscriber's watch events, sent as fast as that subscriber consumes them.
 *
 * The informer hands every subscriber its events synchronously; a renderer that reads slowly
 * (a big list being parsed, a background tab) must neither stall the informer for the others
 * nor make main buffer without bound. So each subscriber gets a queue drained under the
 * contract's acknowledgement window (`drained`). Queued pages are references into the
 * informer's cache; queued changes are merged while they wait, keeping the last change per
 * object, so the queue can never hold more than one entry per object however long the
 * subscriber lags. Order is kept: pages, synced, then changes and statuses as they happened.
 */
import { objectKey } from '../../../app/kube/object';
import type { WatchChange, WatchEvent } from '../../../app/watch/types';

export function pacedEmitter(
  emit: (event: WatchEvent) => void,
  drained: () => Promise<void>,
  signal: AbortSignal,
): (event: WatchEvent) => void {
  const queue: WatchEvent[] = [];
  let pumping = false;

  const pump = async () => {
    pumping = true;
    try {
      while (queue.length > 0 && !signal.aborted) {
        await drained();
        if (signal.aborted) break;
        emit(queue.shift()!);
      }
    } finally {
      pumping = false;
      if (signal.aborted) queue.length = 0;
    }
  };

  return (event) => {
    if (signal.aborted) return;
    const last = queue[queue.length - 1];
    if (last?.type === 'changes' && event.type === 'changes') {
      queue[queue.length - 1] = { type: 'changes', changes: mergeChanges(last.changes, event.changes), resourceVersion: event.resourceVersion || last.resourceVersion };
    } else if (last?.type === 'status' && event.type === 'status') {
      queue[queue.length - 1] = event; // Only the newest status of a run of them matters.
    } else {
      queue.push(event);
    }
    if (!pumping) void pump();
  };
}

/**
 * Two batches as one, with the last change per object only, in the order of those last
 * changes. The reducer upserts ADDED and MODIFIED alike and ignores a DELETED of an object it
 * never had, so the merged batch leaves a receiver in exactly the state the two would.
 */
export function mergeChanges(earlier: readonly WatchChange[], later: readonly WatchChange[]): WatchChange[] {
  const last = new Map<string, WatchChange>();
  for (const change of [...earlier, ...later]) {
    const key = objectKey(change.object);
    last.delete(key); // Re-inserted at the end: the merged order follows each object's last change.
    last.set(key, change);
  }
  return [...last.values()];
}
