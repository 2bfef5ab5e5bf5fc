import { Badge, type BadgeTone } from '@tollgate/ui';

const TONES: Record<string, BadgeTone> = { get: 'info', post: 'success', put: 'warning', patch: 'warning', delete: 'danger' };

/** An HTTP method, upper case, in a fixed width so paths line up. */
export function MethodBadge({ method }: { method: string }) {
  return <Badge tone={TONES[method] ?? 'neutral'} className="w-16 justify-center font-mono">{method.toUpperCase()}</Badge>;
}
