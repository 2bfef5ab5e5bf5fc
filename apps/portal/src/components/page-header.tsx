export { PageHeader } from '@tollgate/ui';
