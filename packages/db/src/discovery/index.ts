export { recordRemovedOperations } from './record-removed-operations';
