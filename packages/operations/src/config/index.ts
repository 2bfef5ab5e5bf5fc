export { applyConfigFile, applyConfigOperation, ZApplyConfigRequest, ZApplyConfigResult, type ApplyConfigResult } from './apply-config-file';
export { exportConfigFile } from './export-config-file';
