import { listMyTeams } from '@tollgate/operations';
import { EmptyState, PageHeader } from '@tollgate/ui';
import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import { getDeveloperPrincipal, readAsDeveloper } from '@/lib/auth/developer-principal';
import { TeamCard } from './_components/team-card';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const principal = await getDeveloperPrincipal('/team');
  const teams = await readAsDeveloper(listMyTeams, {}, '/team');
  return (
    <div className="grid gap-8">
      <PageHeader className="mb-0" title="Team" description="The people you share apps, keys and billing with. Owners invite and remove members." />
      {teams.length === 0 ? (
        <EmptyState title="You are in no team" icon={<Users />}>
          Ask a team owner to invite you: the invite arrives by mail.
        </EmptyState>
      ) : (
        teams.map((team) => <TeamCard key={team.id} team={team} myId={principal.id} />)
      )}
    </div>
  );
}
