import type { Tx } from '../core/define-operation';

type LabelReader = (tx: Tx, ids: string[]) => Promise<{ id: string; label: string }[]>;

/** How each kind of record is named to people: the slug, route key, key prefix or email it has now. */
const READERS: Readonly<Record<string, LabelReader>> = {
  api: (tx, ids) => tx.api.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: row.slug }))),
  plan: (tx, ids) => tx.plan.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: row.slug }))),
  team: (tx, ids) => tx.team.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: row.slug }))),
  app: (tx, ids) => tx.app.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: row.slug }))),
  route: (tx, ids) =>
    tx.route.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, api: { select: { slug: true } } } }).then((rows) => rows.map((row) => ({ id: row.id, label: `${row.api.slug} ${row.key}` }))),
  key: (tx, ids) => tx.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, prefix: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: `${row.prefix}…` }))),
  user: (tx, ids) => tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }).then((rows) => rows.map((row) => ({ id: row.id, label: row.email }))),
  admin_user: (tx, ids) => READERS.user!(tx, ids),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The current name of every record the entries touched, one query per kind: an update's entry
 * holds only the fields that changed, so without this a rename-free edit reads as a bare id.
 * Records that are gone keep no label; the entry's own before/after still name them.
 */
export async function resourceLabels(tx: Tx, entries: { resourceType: string; resourceId: string | null }[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!entry.resourceId || !UUID.test(entry.resourceId) || !READERS[entry.resourceType]) continue;
    const ids = idsByType.get(entry.resourceType) ?? new Set<string>();
    ids.add(entry.resourceId);
    idsByType.set(entry.resourceType, ids);
  }
  const found = await Promise.all([...idsByType].map(([type, ids]) => READERS[type]!(tx, [...ids])));
  return new Map(found.flat().map((row) => [row.id, row.label]));
}
