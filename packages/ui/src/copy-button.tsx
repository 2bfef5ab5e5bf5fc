'use client';

import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button';
import { cn } from './cn';

export type CopyButtonProps = Omit<ButtonProps, 'onClick' | 'children'> & { value: string; label?: string };

/** Copies `value` to the clipboard and says so (visibly and to screen readers) for two seconds. */
export function CopyButton({ value, label = 'Copy', className, variant = 'ghost', size = 'icon', ...props }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <Button variant={variant} size={size} className={cn(size === 'icon' && 'size-8', className)} aria-label={size === 'icon' ? text : undefined} onClick={copy} {...props}>
      {state === 'copied' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      {size === 'icon' ? null : text}
      <span className="sr-only" role="status" aria-live="polite">
        {state === 'idle' ? '' : text}
      </span>
    </Button>
  );
}
