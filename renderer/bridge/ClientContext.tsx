/** Provides the app's one contract client, and its stream-query manager, to every hook below. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ResilientClient } from './resilientClient';
import type { StreamQueryManager } from './streamQueries';

interface Core {
  client: ResilientClient;
  streams: StreamQueryManager;
}

const CoreContext = createContext<Core | undefined>(undefined);

export function ClientProvider({ client, streams, children }: Core & { children: ReactNode }) {
  return <CoreContext.Provider value={{ client, streams }}>{children}</CoreContext.Provider>;
}

function useCore(): Core {
  const core = useContext(CoreContext);
  if (!core) throw new Error('Pilothouse hooks must be used inside <ClientProvider>');
  return core;
}

/** The app's contract client. */
export function useClient(): ResilientClient {
  return useCore().client;
}

/** The manager that folds streams into the query cache. */
export function useStreamManager(): StreamQueryManager {
  return useCore().streams;
}
