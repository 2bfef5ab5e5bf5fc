'use server';

import { ZGetRequestLogEntryQuery } from '@tollgate/contracts';
import { getRequestLogEntry } from '@tollgate/operations';
import { adminActionClient } from '@/lib/safe-action';

/** One request with the records it names, for the details dialog. */
export const readRequestLogEntryAction = adminActionClient.inputSchema(ZGetRequestLogEntryQuery).action(async ({ parsedInput, ctx }) => ctx.run(getRequestLogEntry, parsedInput));
