import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins conditional classes and drops falsy ones', () => {
    const hidden = Math.random() > 2;
    expect(cn('a', hidden && 'b', undefined, null, ['c', { d: true, e: false }])).toBe('a c d');
  });

  it('lets a later Tailwind utility override an earlier one of the same kind', () => {
    expect(cn('px-4 py-2 bg-primary', 'px-2', 'bg-destructive')).toBe('py-2 px-2 bg-destructive');
    expect(cn('text-sm text-muted-foreground', 'text-foreground')).toBe('text-sm text-foreground');
  });
});
