export { loadConfigFile } from './load-config-file';
