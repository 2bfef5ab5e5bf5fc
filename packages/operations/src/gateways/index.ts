export { listGateways } from './list-gateways';
