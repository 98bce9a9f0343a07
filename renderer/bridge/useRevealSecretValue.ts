import { useMutation } from '@tanstack/react-query';
import { contract, type RevealedSecretValue, type SecretKeyAddress } from '../../app/contract/pilothouse';
import type { ContractErrorData } from '../../app/contract/errors';
import { useClient } from './ClientContext';

export interface SecretValueReveal {
  /** The value, once revealed (undefined while hidden). */
  revealed?: RevealedSecretValue;
  pending: boolean;
  error?: ContractErrorData;
  reveal: () => void;
  /** Forgets the value: the mutation state is cleared, nothing of it stays in the cache. */
  hide: () => void;
}

/**
 * One Secret value, fetched from main only when the user asks (`revealSecret`). A mutation, not
 * a query: the value never enters the query cache, and `gcTime: 0` drops it from the mutation
 * cache as soon as the component that revealed it unmounts (navigating away hides it again).
 */
export function useRevealSecretValue(address: SecretKeyAddress): SecretValueReveal {
  const client = useClient();
  const mutation = useMutation({
    mutationKey: ['call', 'secrets.reveal', address.context, address.namespace, address.name, address.key],
    mutationFn: () => client.call(contract.revealSecret, address),
    gcTime: 0,
    retry: false,
  });
  return {
    revealed: mutation.data,
    pending: mutation.isPending,
    error: (mutation.error as ContractErrorData | null) ?? undefined,
    reveal: () => mutation.mutate(),
    hide: () => mutation.reset(),
  };
}
