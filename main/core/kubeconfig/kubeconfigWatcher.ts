/**
 * Watches kubeconfig files on disk and calls back (debounced) when any of them may have changed.
 *
 * Editors save in different ways: in place, or by writing a temp file and renaming it over the
 * original (which replaces the inode, so a watch on the file itself goes deaf). We therefore watch
 * each file's directory and filter by name. A directory that does not exist yet (no ~/.kube) is
 * covered by a slow stat poll (fs.watchFile works on missing paths) so files appearing later load.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface KubeconfigWatcherOptions {
  debounceMs?: number;
  /** Stat-poll interval used as a fallback (missing directories, network file systems). */
  pollMs?: number;
  log?: (message: string) => void;
}

export function watchKubeconfigFiles(files: string[], onChange: () => void, options: KubeconfigWatcherOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 150;
  const pollMs = options.pollMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const trigger = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };

  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = path.dirname(f);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(path.basename(f));
  }

  const dirWatchers = new Map<string, fs.FSWatcher>();
  const watchDir = (dir: string, names: Set<string>) => {
    if (dirWatchers.has(dir) || closed) return;
    try {
      const w = fs.watch(dir, { persistent: false }, (_event, name) => {
        // Some platforms omit the name; then any event in the directory counts.
        if (!name || names.has(name.toString())) trigger();
      });
      w.on('error', (err) => {
        options.log?.(`kubeconfig watch on ${dir} failed: ${err.message}`);
        w.close();
        dirWatchers.delete(dir);
      });
      dirWatchers.set(dir, w);
    } catch {
      // Directory missing or not watchable: the stat poll below covers it.
    }
  };
  for (const [dir, names] of byDir) watchDir(dir, names);

  const polled: [string, (cur: fs.Stats, prev: fs.Stats) => void][] = [];
  for (const f of files) {
    const listener = (cur: fs.Stats, prev: fs.Stats) => {
      if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size || cur.ino !== prev.ino) {
        // The directory may have just appeared: start the faster watch too.
        const dir = path.dirname(f);
        watchDir(dir, byDir.get(dir)!);
        trigger();
      }
    };
    fs.watchFile(f, { persistent: false, interval: pollMs }, listener);
    polled.push([f, listener]);
  }

  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    for (const w of dirWatchers.values()) w.close();
    dirWatchers.clear();
    for (const [f, listener] of polled) fs.unwatchFile(f, listener);
  };
}
