import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export const badgeVariants = cva('inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset', {
  variants: {
    tone: {
      neutral: 'bg-muted text-muted-foreground ring-border',
      success: 'bg-success/10 text-success ring-success/25',
      warning: 'bg-warning/10 text-warning ring-warning/25',
      danger: 'bg-destructive/10 text-destructive ring-destructive/25',
      info: 'bg-primary/10 text-primary ring-primary/25',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export type BadgeProps = ComponentProps<'span'> & { tone?: BadgeTone };

/** A short status label; the tone carries meaning, so the text must say it too. */
export function Badge({ tone, className, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
