import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract, type Settings } from '../../app/contract/pilothouse';
import { useClient } from './ClientContext';

const KEY = ['call', 'settings'];

/** The persisted settings (main stores them), and a way to change them. */
export function useSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => client.call(contract.getSettings, undefined), staleTime: Infinity });
  const mutation = useMutation({
    mutationFn: (patch: Partial<Settings>) => client.call(contract.updateSettings, patch),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  });
  return { settings: query.data, update: mutation.mutate, updating: mutation.isPending };
}
