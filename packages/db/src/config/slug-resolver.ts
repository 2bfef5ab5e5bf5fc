import { TollgateError } from '@tollgate/errors';
import type { Prisma } from '../generated/prisma/client';

function unknownReference(name: string, what: string, slug: string): TollgateError {
  const reason = `unknown ${what} "${slug}" (not in this file nor in the database)`;
  return new TollgateError('invalid_params', { detail: `${name}: ${reason}`, invalidParams: [{ name, reason }] });
}

/** Resolves slugs named in the file to ids: from what this apply wrote, else the database. */
export class SlugResolver {
  private readonly apis = new Map<string, string>();
  private readonly plans = new Map<string, string>();

  constructor(private readonly tx: Prisma.TransactionClient) {}

  rememberApis(ids: Map<string, string>): void {
    for (const [slug, id] of ids) this.apis.set(slug, id);
  }

  rememberPlan(slug: string, id: string): void {
    this.plans.set(slug, id);
  }

  async api(slug: string, name: string): Promise<string> {
    const id = this.apis.get(slug) ?? (await this.tx.api.findUnique({ where: { slug }, select: { id: true } }))?.id;
    if (!id) throw unknownReference(name, 'api', slug);
    this.apis.set(slug, id);
    return id;
  }

  async plan(slug: string, name: string): Promise<string> {
    const id = this.plans.get(slug) ?? (await this.tx.plan.findUnique({ where: { slug }, select: { id: true } }))?.id;
    if (!id) throw unknownReference(name, 'plan', slug);
    this.plans.set(slug, id);
    return id;
  }

  async user(email: string, name: string): Promise<string> {
    const id = (await this.tx.user.findUnique({ where: { email }, select: { id: true } }))?.id;
    if (!id) throw unknownReference(name, 'user', email);
    return id;
  }
}
