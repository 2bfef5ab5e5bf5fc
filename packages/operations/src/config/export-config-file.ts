import { z } from 'zod';
import { exportConfig } from '@tollgate/db';
import { defineOperation } from '../core/define-operation';

/** The whole config as a file that `config.apply` takes back unchanged (no secrets). */
export const exportConfigFile = defineOperation({
  name: 'config.export',
  role: 'viewer',
  input: z.strictObject({}),
  run: (tx) => exportConfig(tx),
});
