import { ZKeyIdParams } from '@tollgate/contracts';
import { defineOperation } from '../core/define-operation';
import { findKeyOrThrow } from './find-key-or-throw';
import { toKeyResource } from './to-key-resource';

export const getKey = defineOperation({
  name: 'keys.get',
  role: 'viewer',
  input: ZKeyIdParams,
  async run(tx, input) {
    return toKeyResource(await findKeyOrThrow(tx, input.id));
  },
});
