export { getOverview, type Overview } from './get-overview';
export { listAuditFacets, type AuditFacets } from './list-audit-facets';
