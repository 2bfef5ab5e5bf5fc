import type { TConfigFile } from '@tollgate/contracts';
import type { SlugResolver } from './slug-resolver';

/**
 * Each API's `policies.anonymousPlan` must name a plan in the file or the database. Runs
 * after plans (and pruning) are written, so a plan defined later in the file resolves.
 */
export async function checkAnonymousPlans(config: TConfigFile, resolve: SlugResolver): Promise<void> {
  for (const [index, api] of config.apis.entries()) {
    const slug = api.policies?.anonymousPlan;
    if (slug !== undefined) await resolve.plan(slug, `apis[${index}].policies.anonymousPlan`);
  }
}
