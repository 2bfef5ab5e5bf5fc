'use client';

import { cn } from './cn';
import { toast } from './toaster';

/**
 * A labelled file picker that reads the chosen text file in the browser (nothing is
 * uploaded) and hands its text to `onText`, saying which file was read.
 */
export function TextFileInput({ label, accept, onText, className }: { label: string; accept: string; onText: (text: string) => void; className?: string }) {
  async function read(file: File | undefined) {
    if (!file) return;
    onText(await file.text());
    toast.message(`Read ${file.name}`);
  }
  return (
    <label className={cn('grid gap-1.5 text-sm font-medium text-foreground', className)}>
      {label}
      <input
        type="file"
        accept={accept}
        className="text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-card file:px-3 file:py-1.5 file:text-sm file:text-foreground"
        onChange={(event) => void read(event.target.files?.[0])}
      />
    </label>
  );
}
