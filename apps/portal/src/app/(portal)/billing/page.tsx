import type { Metadata } from 'next';
import Link from 'next/link';
import { listBillingEstimates, listTeamStatements } from '@tollgate/operations';
import { Button, EmptyState, PageHeader } from '@tollgate/ui';
import { readAsDeveloper } from '@/lib/auth/developer-principal';
import { PeriodEstimates } from './_components/period-estimates';
import { StatementList } from './_components/statement-list';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage() {
  const [estimates, statements] = await Promise.all([readAsDeveloper(listBillingEstimates, {}, '/billing'), readAsDeveloper(listTeamStatements, {}, '/billing')]);
  return (
    <div className="grid gap-10">
      <PageHeader className="mb-0" title="Billing" description="What your teams' subscriptions cost this period so far, and the statements of past periods." />
      {estimates.length === 0 && statements.length === 0 ? (
        <EmptyState
          title="No subscriptions yet"
          action={
            <Button asChild>
              <Link href="/apis">Browse APIs</Link>
            </Button>
          }
        >
          Subscribe an app to an API plan; its running cost and statements show here.
        </EmptyState>
      ) : (
        <>
          {estimates.length > 0 ? <PeriodEstimates estimates={estimates} /> : null}
          <StatementList statements={statements} />
        </>
      )}
    </div>
  );
}
