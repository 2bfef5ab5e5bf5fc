import type { TMyTeam } from '@tollgate/contracts';
import { Badge, Card } from '@tollgate/ui';
import { InviteMemberDialog } from './invite-member-dialog';
import { LeaveTeamButton } from './leave-team-button';
import { RemoveMemberButton } from './remove-member-button';

function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/** One team: its members with their roles, open invites for owners, and what the caller may do. */
export function TeamCard({ team, myId }: { team: TMyTeam; myId: string }) {
  const owner = team.myRole === 'owner';
  return (
    <Card
      aria-label={team.name}
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span className="text-base">{team.name}</span>
          {team.partner ? <Badge tone="info">Partner</Badge> : null}
          <Badge>{owner ? 'You are an owner' : 'You are a member'}</Badge>
        </span>
      }
      description={<code className="font-mono text-xs">{team.slug}</code>}
      actions={
        <div className="flex flex-wrap gap-2">
          {owner ? <InviteMemberDialog teamId={team.id} teamName={team.name} /> : null}
          <LeaveTeamButton teamId={team.id} teamName={team.name} />
        </div>
      }
    >
      <div className="overflow-x-auto" role="region" aria-label={`Members of ${team.name}`} tabIndex={0}>
        <table className="w-full text-sm">
          <caption className="sr-only">Members of {team.name}</caption>
          <thead>
            <tr className="border-b border-border text-left text-xs uppercase tracking-wide text-muted-foreground">
              <th scope="col" className="py-2 pr-4 font-medium">Member</th>
              <th scope="col" className="py-2 pr-4 font-medium">Role</th>
              <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Joined</th>
              {owner ? <th scope="col" className="py-2 text-right font-medium"><span className="sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.userId} className="border-b border-border last:border-0">
                <td className="py-3 pr-4">
                  <div className="font-medium">{member.name}{member.userId === myId ? <span className="font-normal text-muted-foreground"> (you)</span> : null}</div>
                  <div className="break-all text-xs text-muted-foreground">{member.email}</div>
                </td>
                <td className="py-3 pr-4">
                  <Badge tone={member.role === 'owner' ? 'info' : 'neutral'}>{member.role}</Badge>
                </td>
                <td className="hidden py-3 pr-4 tabular-nums text-muted-foreground sm:table-cell">
                  <time dateTime={member.joinedAt}>{formatDay(member.joinedAt)}</time>
                </td>
                {owner ? (
                  <td className="py-3 text-right">{member.userId === myId ? null : <RemoveMemberButton teamId={team.id} member={member} />}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner && team.pendingInvites.length > 0 ? (
        <div className="mt-5 border-t border-border pt-4">
          <h3 className="text-sm font-semibold">Invites waiting</h3>
          <ul className="mt-2 grid gap-1 text-sm">
            {team.pendingInvites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="break-all">{invite.email}</span>
                <span className="text-xs text-muted-foreground">
                  {invite.role} · expires <time dateTime={invite.expiresAt}>{formatDay(invite.expiresAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
