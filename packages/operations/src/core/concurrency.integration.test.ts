import { createConfigListener } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { createApi, getApi, updateApi } from '../apis';
import { etagOf } from './etag';
import type { Principal } from './principal';
import { runOperation } from './run-operation';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-0000000000cc', label: 'ci', role: 'admin' };

describe('writes seen from outside', () => {
  it('notifies the gateways of the new revision when the write commits', async () => {
    const revisions: (number | null)[] = [];
    const listener = await createConfigListener(t.url, { onRevision: (revision) => revisions.push(revision), onLost: () => {} });
    try {
      await runOperation(t.db, admin, createApi, { slug: 'notified', name: 'Notified', basePath: '/notified' });
      const { revision } = await t.db.configState.findUniqueOrThrow({ where: { id: 1 } });
      const deadline = Date.now() + 5_000;
      while (!revisions.includes(Number(revision)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(revisions).toContain(Number(revision));
    } finally {
      await listener.close();
    }
  });

  it('lets exactly one of three writers holding the same If-Match through', async () => {
    await runOperation(t.db, admin, createApi, { slug: 'raced', name: 'Raced', basePath: '/raced' });
    const etag = etagOf(await runOperation(t.db, admin, getApi, { slug: 'raced' }));
    const results = await Promise.allSettled(
      ['First', 'Second', 'Third'].map((name) => runOperation(t.db, admin, updateApi, { apiSlug: 'raced', name }, { ifMatch: etag })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'precondition_failed' });
    }
  });
});

describe('the database as the last word', () => {
  it('turns a unique violation that slipped past the checks into a 409 naming the field', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => runOperation(t.db, admin, createApi, { slug: 'contested', name: `Contested ${n}`, basePath: `/contested-${n}` })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((entry) => entry.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', status: 409, invalidParams: [{ name: 'slug' }] });
    }
  });
});
