'use client';

import { useTableState } from '@tollgate/ui';
import { DataTableToolbar } from '@tollgate/ui/data-table-toolbar';
import { CATALOG_PARAMS } from './catalog-params';

/** Search and tag filter of the catalog; both live in the URL, so a filtered view can be shared. */
export function CatalogFilters({ tags }: { tags: string[] }) {
  const controls = useTableState(CATALOG_PARAMS);
  return (
    <div aria-busy={controls.pending} className="mb-6">
      <DataTableToolbar controls={controls} searchLabel="Search APIs" filters={tags.length === 0 ? [] : [{ id: 'tag', label: 'Tag', options: tags.map((tag) => ({ value: tag, label: tag })) }]} />
    </div>
  );
}
