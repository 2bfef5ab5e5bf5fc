export { startDemoUpstream, type DemoUpstream, type DemoUpstreamOptions } from './start-demo-upstream';
export { OPENAPI_PATH } from './openapi/openapi-document';
