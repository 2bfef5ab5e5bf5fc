'use client';

import { DropdownMenu as Menu } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from './cn';

export type DropdownMenuItem =
  | { type?: 'item'; label: ReactNode; onSelect: () => void; icon?: ReactNode; destructive?: boolean; disabled?: boolean }
  | { type: 'separator' };

export type DropdownMenuProps = {
  /** The element that opens the menu; give it an accessible name (an icon button needs aria-label). */
  trigger: ReactNode;
  items: DropdownMenuItem[];
  label?: ReactNode;
  align?: 'start' | 'center' | 'end';
};

/** A menu of actions, opened by a button, navigable with the arrow keys. */
export function DropdownMenu({ trigger, items, label, align = 'end' }: DropdownMenuProps) {
  return (
    <Menu.Root>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align={align} sideOffset={4} className="z-50 min-w-40 rounded-md border border-border bg-card p-1 text-card-foreground shadow-md">
          {label ? <Menu.Label className="px-2 py-1.5 text-xs font-semibold text-muted-foreground">{label}</Menu.Label> : null}
          {items.map((item, index) =>
            item.type === 'separator' ? (
              <Menu.Separator key={index} className="-mx-1 my-1 h-px bg-border" />
            ) : (
              <Menu.Item
                key={index}
                disabled={item.disabled}
                onSelect={item.onSelect}
                className={cn(
                  'flex cursor-default select-none items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-muted [&_svg]:size-4',
                  item.destructive && 'text-destructive',
                )}
              >
                {item.icon}
                {item.label}
              </Menu.Item>
            ),
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
