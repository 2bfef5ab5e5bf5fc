export { applyConfig, type ApplyOptions, type ApplyResult } from './apply-config';
export { bumpConfigRevision, CONFIG_CHANNEL } from './bump-config-revision';
export type { Change, ChangeAction, ChangeKind } from './change-set';
