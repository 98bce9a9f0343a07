/** Binds the request layer to one cluster's transport, as the informers consume it. */
import type { ClusterTransport } from '../auth/clusterTransport';
import type { ListWatchClient } from '../informer/informer';
import { openStream, requestJson } from './kubeHttp';

export function listWatchClient(transport: ClusterTransport): ListWatchClient {
  return {
    requestJson: (req) => requestJson(transport, req),
    openStream: (req) => openStream(transport, req),
  };
}
