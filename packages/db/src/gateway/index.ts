export * from './gateway-snapshot';
export { loadGatewaySnapshot } from './load-gateway-snapshot';
export { recordGatewayHeartbeat, type GatewayHeartbeat } from './record-gateway-heartbeat';
export { createConfigListener, type ConfigListener, type ConfigListenerHandlers } from './create-config-listener';
