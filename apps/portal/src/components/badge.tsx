import { Badge as KitBadge, type BadgeTone as KitTone } from '@tollgate/ui';
import type { ReactNode } from 'react';

const TONES = { neutral: 'neutral', green: 'success', amber: 'warning', red: 'danger', indigo: 'info' } as const satisfies Record<string, KitTone>;

export type BadgeTone = keyof typeof TONES;

/** The portal's colour names for the kit's status tones. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <KitBadge tone={TONES[tone]}>{children}</KitBadge>;
}
