import type { ComponentProps } from 'react';
import { cn } from './cn';
import { focusRing } from './focus-ring';

export const controlClasses = `w-full rounded-md border border-input bg-card px-3 text-sm text-card-foreground shadow-sm transition-colors placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive ${focusRing}`;

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(controlClasses, 'h-9 py-1', className)} {...props} />;
}
