export { applyConfig, applyConfigInTransaction, APPLY_TIMEOUT_MS, type ApplyOptions, type ApplyResult } from './apply-config';
export { exportConfig } from './export-config';
export { resolveOpenApiDocuments, type OpenApiDocuments } from './resolve-openapi';
export { inlineGrpcProtos } from './grpc-protos';
export { bumpConfigRevision, CONFIG_CHANNEL } from './bump-config-revision';
export type { Change, ChangeAction, ChangeKind } from './change-set';
