'use client';

import { Tabs as TabsPrimitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { focusRing } from './focus-ring';

export type TabItem = { value: string; label: ReactNode; content: ReactNode; disabled?: boolean };

export type TabsProps = Omit<ComponentProps<typeof TabsPrimitive.Root>, 'children'> & { items: TabItem[]; 'aria-label'?: string };

export function Tabs({ items, className, 'aria-label': ariaLabel, defaultValue, ...props }: TabsProps) {
  return (
    <TabsPrimitive.Root className={cn('grid gap-4', className)} defaultValue={defaultValue ?? items[0]?.value} {...props}>
      <TabsPrimitive.List aria-label={ariaLabel} className="inline-flex w-fit max-w-full items-center gap-1 overflow-x-auto rounded-lg bg-muted p-1">
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.value}
            value={item.value}
            disabled={item.disabled}
            className={cn(
              'whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground disabled:opacity-50 data-[state=active]:bg-card data-[state=active]:text-foreground data-[state=active]:shadow-sm',
              focusRing,
            )}
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((item) => (
        <TabsPrimitive.Content key={item.value} value={item.value} className={focusRing}>
          {item.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
