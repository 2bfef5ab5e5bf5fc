import { ZApiSlugParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findApiOrThrow } from './find-api-or-throw';
import { toApiResource } from './to-api-resource';

export const getApi = defineOperation({
  name: 'apis.get',
  role: 'viewer',
  input: ZApiSlugParams,
  async run(tx, input) {
    return toApiResource(await findApiOrThrow(tx, input.slug));
  },
});
