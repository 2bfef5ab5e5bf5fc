export { createApi } from './create-api';
export { updateApi } from './update-api';
export { deleteApi } from './delete-api';
export { getApi } from './get-api';
export { listApis } from './list-apis';
export { findApiOrThrow } from './find-api-or-throw';
export { importApi, createImportApi, type ImportApiOptions } from './import-openapi';
