import { useSyncExternalStore } from 'react';
import { useClient } from './ClientContext';
import type { CoreConnectionState } from './resilientClient';

/** The state of the link to the Pilothouse core (connected, reconnecting with next retry). */
export function useCoreConnection(): CoreConnectionState {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.onConnectionChange(onChange),
    () => client.connection(),
  );
}
