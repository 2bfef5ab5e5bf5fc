import { randomBytes } from 'node:crypto';
import type { Team } from '@tollgate/db';
import type { Tx } from '../core/define-operation';

/** A slug from a person's name: lowercase words joined by dashes, plus a short random tail so two Alices never collide. */
export function personalTeamSlug(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const tail = randomBytes(4).toString('hex');
  return base ? `${base}-${tail}` : `team-${tail}`;
}

/** The team a developer gets on their first sign-up: named after them, with them as its owner. */
export async function createPersonalTeam(tx: Tx, user: { id: string; name: string }): Promise<Team> {
  return tx.team.create({
    data: { slug: personalTeamSlug(user.name), name: user.name, members: { create: { userId: user.id, role: 'owner' } } },
  });
}
