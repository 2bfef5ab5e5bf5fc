import { z } from 'zod';
import { defineOperation } from '../core/define-operation';
import type { DiscoveryObservation } from './observation';
import { recordObservations } from './record-observations';

const ZObservation = z.object({
  host: z.string().max(255),
  method: z.string().min(1).max(16),
  template: z.string().startsWith('/').max(2048),
  hits: z.int().positive(),
  statuses: z.record(z.string(), z.number()),
  consumers: z.array(z.string()).max(1000),
  credentialsSeen: z.boolean(),
  unauthenticatedHits: z.int().nonnegative(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  samples: z.record(z.string(), z.number()),
  source: z.enum(['gateway', 'import']),
  sensitiveData: z.array(z.enum(['email', 'card', 'token'])).optional(),
});

/** Stores observations read from an access log or HAR file (`tollgate discover import`), one audit entry for the file. */
export const recordDiscoveryImport = defineOperation({
  name: 'discovery.import',
  role: 'admin',
  input: z.object({ file: z.string().max(1024), observations: z.array(ZObservation) }),
  audit: { resourceType: 'discovered_endpoint' },
  timeoutMs: 120_000,
  async run(tx, input, ctx) {
    const result = await recordObservations(tx, input.observations as DiscoveryObservation[]);
    ctx.audit({ resourceId: null, after: { file: input.file, endpoints: input.observations.length, stored: result.stored, newShadows: result.newShadows } });
    return result;
  },
});
