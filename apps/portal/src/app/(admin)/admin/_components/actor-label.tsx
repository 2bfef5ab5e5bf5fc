import type { TAuditEntry } from '@tollgate/contracts';
import { Badge } from '@tollgate/ui';

const KINDS: Record<string, string> = { user: 'user', token: 'token', bootstrap: 'bootstrap token', cli: 'CLI' };

/** Who wrote an audit entry: a user's email or a token's name, and what kind of actor that is. */
export function ActorLabel({ actor }: { actor: TAuditEntry['actor'] }) {
  const kind = KINDS[actor.type] ?? actor.type;
  const name = actor.label || actor.id || kind;
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <span className="truncate">{name}</span>
      {name !== kind ? <Badge className="shrink-0">{kind}</Badge> : null}
    </span>
  );
}
