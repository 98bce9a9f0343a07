/** A translated, human sentence for an error that crossed the contract (API messages kept verbatim). */
import type { TFunction } from 'i18next';
import type { ContractErrorData } from '../../../app/contract/errors';

export function errorText(t: TFunction, err: unknown): string {
  const data = asErrorData(err);
  switch (data.code) {
    case 'forbidden':
      return t('error.forbidden', { message: data.message });
    case 'not-found':
      return t('error.notFound', { message: data.message });
    case 'unauthorized':
      return t('error.unauthorized', { message: data.message });
    case 'unreachable':
      return t('error.unreachable', { message: data.message });
    case 'untrusted-exec':
      return t('error.untrustedExec');
    case 'kubeconfig':
      return t('error.kubeconfig', { message: data.message });
    default:
      return t('error.generic', { message: data.message });
  }
}

export function asErrorData(err: unknown): ContractErrorData {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as ContractErrorData;
    return { code: e.code, message: String(e.message), status: e.status };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
