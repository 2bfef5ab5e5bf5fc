import { systemMsClock, type CatalogApi, type MsClock } from '@tollgate/domain';
import type { Tx } from '../core/define-operation';
import { loadCatalog } from './load-catalog';

/** Where recordObservations gets the catalog: loaded anew (an import), or from a CatalogCache (the gateway's flush). */
export type CatalogSource = (tx: Tx) => Promise<CatalogApi[]>;

/**
 * The catalog kept between flushes while the config revision stays (routes, documents
 * and removed operations only change with it), and for at most `maxAgeMs` (the route
 * keys of former routes come from the rollups, which a lagging gateway may still add
 * to after the revision moved). Loading it reads every API's document and scans the
 * rollups' route keys: once a second per gateway was the flush's largest cost.
 */
export class CatalogCache {
  #cached: { revision: bigint; loadedAt: number; catalog: CatalogApi[] } | null = null;

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly now: MsClock = systemMsClock,
  ) {}

  readonly load: CatalogSource = async (tx) => {
    const revision = (await tx.configState.findUnique({ where: { id: 1 }, select: { revision: true } }))?.revision ?? 0n;
    const cached = this.#cached;
    if (cached !== null && cached.revision === revision && this.now() - cached.loadedAt < this.maxAgeMs) return cached.catalog;
    const catalog = await loadCatalog(tx);
    this.#cached = { revision, loadedAt: this.now(), catalog };
    return catalog;
  };
}
