export { applyConfigFile, applyConfigOperation, ZApplyConfigRequest, type ApplyConfigResult } from './apply-config-file';
export { exportConfigFile } from './export-config-file';
