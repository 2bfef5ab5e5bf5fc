export * from './gateway-snapshot';
export { loadGatewaySnapshot, type LoadGatewaySnapshotOptions } from './load-gateway-snapshot';
export { streamGatewayKeys, type GatewayKeySink } from './stream-gateway-keys';
export { readConfigChanges, type ChangedKey, type ConfigChangeRow, type ConfigChanges } from './read-config-changes';
export { recordGatewayHeartbeat, type GatewayHeartbeat } from './record-gateway-heartbeat';
export { createConfigListener, type ConfigListener, type ConfigListenerHandlers } from './create-config-listener';
