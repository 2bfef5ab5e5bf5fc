'use client';

import type { AuditFacets } from '@tollgate/operations';
import { Button, Field, Input, Select, useTableState } from '@tollgate/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldToIso, isoToField } from '../../_components/utc-datetime-field';
import { AUDIT_TABLE } from './audit-table-spec';

const ANY = '__any__';

/** Who, what and when: every filter lands in the URL, so a filtered view can be shared. */
export function AuditFilters({ facets }: { facets: AuditFacets }) {
  const controls = useTableState(AUDIT_TABLE);
  const { filters } = controls.state;
  const [resourceId, setResourceId] = useState(filters.resourceId ?? '');
  const [from, setFrom] = useState(isoToField(filters.from));
  const [to, setTo] = useState(isoToField(filters.to));
  useEffect(() => setResourceId(filters.resourceId ?? ''), [filters.resourceId]);
  useEffect(() => setFrom(isoToField(filters.from)), [filters.from]);
  useEffect(() => setTo(isoToField(filters.to)), [filters.to]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    controls.setFilter('resourceId', resourceId.trim() || null);
    controls.setFilter('from', fieldToIso(from));
    controls.setFilter('to', fieldToIso(to));
  };
  const active = Object.keys(filters).length > 0;
  return (
    <form onSubmit={apply} aria-label="Filter the audit log" className="grid gap-3 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field label="Actor">
        <Select
          value={filters.actor ?? ANY}
          onValueChange={(value) => controls.setFilter('actor', value === ANY ? null : value)}
          options={[{ value: ANY, label: 'Anyone' }, ...facets.actors.map((actor) => ({ value: actor.id, label: actor.label }))]}
        />
      </Field>
      <Field label="Resource type">
        <Select
          value={filters.resourceType ?? ANY}
          onValueChange={(value) => controls.setFilter('resourceType', value === ANY ? null : value)}
          options={[{ value: ANY, label: 'Any type' }, ...facets.resourceTypes.map((type) => ({ value: type, label: type }))]}
        />
      </Field>
      <Field label="Resource id">
        <Input value={resourceId} onChange={(event) => setResourceId(event.target.value)} placeholder="e.g. weather" />
      </Field>
      <Field label="From (UTC)">
        <Input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
      </Field>
      <Field label="Before (UTC)">
        <Input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
      </Field>
      <div className="flex items-end justify-end gap-2">
        <Button type="submit" loading={controls.pending}>
          Apply
        </Button>
        {active ? (
          <Button type="button" variant="ghost" onClick={controls.reset}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}
