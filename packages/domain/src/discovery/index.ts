export { segmentKind, isParamSegment, type SegmentKind } from './segment-kind';
export { PathTemplater, FoldState, templateAll, DEFAULT_FOLD_THRESHOLD, DEFAULT_MAX_TRACKED_POSITIONS, type DiscoveryDecisions, type PathTemplaterOptions } from './path-templater';
export { templateCovers, underBasePath } from './match-template';
export { splitPath } from './known-templates';
export { classifyEndpoint, type CatalogApi, type CatalogOperation, type Classification, type DiscoveryKind, type ZombieReason } from './classify-endpoint';
export { openApiOperations } from './openapi-operations';
export { operationShape, removedOperations, specOperations, type SpecOperation } from './removed-operations';
export { detectSensitiveData, passesLuhn, SENSITIVE_KINDS, type SensitiveKind } from './sensitive-data';
