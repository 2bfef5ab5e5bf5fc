import { ZSlug } from '@tollgate/contracts';
import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import { findAppOrThrow } from './find-app-or-throw';
import { toAppResource } from './to-app-resource';

export const getApp = defineOperation({
  name: 'apps.get',
  role: 'viewer',
  input: z.strictObject({ slug: ZSlug }),
  async run(tx, input) {
    return toAppResource(await findAppOrThrow(tx, input.slug));
  },
});
