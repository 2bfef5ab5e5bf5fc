'use client';

import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from './cn';
import { focusRing } from './focus-ring';

export type RadioOption = { value: string; label: ReactNode; description?: ReactNode; disabled?: boolean };

export type RadioGroupProps = ComponentProps<typeof RadioGroupPrimitive.Root> & { options: RadioOption[] };

/** A group of radio buttons, each with its own label; name the group with aria-label or aria-labelledby. */
export function RadioGroup({ options, className, ...props }: RadioGroupProps) {
  const base = useId();
  return (
    <RadioGroupPrimitive.Root className={cn('grid gap-2', className)} {...props}>
      {options.map((option) => {
        const id = `${base}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <RadioGroupPrimitive.Item
              id={id}
              value={option.value}
              disabled={option.disabled}
              className={cn('mt-0.5 grid size-4 shrink-0 place-items-center rounded-full border border-input bg-card shadow-sm disabled:opacity-50 data-[state=checked]:border-primary', focusRing)}
            >
              <RadioGroupPrimitive.Indicator className="size-2 rounded-full bg-primary" />
            </RadioGroupPrimitive.Item>
            <label htmlFor={id} className="grid gap-0.5 text-sm">
              <span className="font-medium text-foreground">{option.label}</span>
              {option.description ? <span className="text-xs text-muted-foreground">{option.description}</span> : null}
            </label>
          </div>
        );
      })}
    </RadioGroupPrimitive.Root>
  );
}
