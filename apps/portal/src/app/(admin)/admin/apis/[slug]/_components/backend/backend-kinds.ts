import type { TRouteBackend } from '@tollgate/contracts';

export type TBackendKind = TRouteBackend['kind'];

/** The kinds in the form's select, with what each one does in a few words. */
export const BACKEND_KINDS: { value: TBackendKind; label: string }[] = [
  { value: 'proxy', label: 'Proxy to the upstream (default)' },
  { value: 'aggregate', label: 'Aggregate calls' },
  { value: 'xml', label: 'XML upstream' },
  { value: 'soap', label: 'SOAP operation' },
  { value: 'grpc', label: 'gRPC method' },
];

/** The short name the routes table shows for a route that is not proxied. */
export const BACKEND_BADGES: Record<Exclude<TBackendKind, 'proxy'>, string> = { aggregate: 'aggregate', xml: 'XML', soap: 'SOAP', grpc: 'gRPC' };

export const EMPTY_CALL = { name: '', path: '/', query: {}, optional: false };

/**
 * What the form holds when a kind is picked: the fields it requires, empty, for the admin to fill.
 * Proxy is no backend at all (the stored default), so switching back to it removes the field.
 */
export function backendDefaults(kind: TBackendKind): Record<string, unknown> | undefined {
  switch (kind) {
    case 'proxy':
      return undefined;
    case 'aggregate':
      return { kind, calls: [EMPTY_CALL] };
    case 'xml':
      return { kind, root: '' };
    case 'soap':
      return { kind, version: '1.1', operation: '', namespace: '' };
    case 'grpc':
      return { kind, proto: '', service: '', method: '' };
  }
}
