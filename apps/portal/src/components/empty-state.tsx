export { EmptyState } from '@tollgate/ui';
