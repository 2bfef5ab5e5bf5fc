'use client';

import { DISCOVERY_IMPORT_MAX_BYTES, type TDiscoveryImportResult } from '@tollgate/contracts';
import { Button, Dialog, Field, toast } from '@tollgate/ui';
import { FileUp } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { uploadLog, type UploadProgress } from './upload-log';

type State = { step: 'choose'; error?: string } | { step: 'sending'; progress: UploadProgress } | { step: 'done'; result: TDiscoveryImportResult };

const FORMAT_LABELS: Record<TDiscoveryImportResult['format'], string> = { combined: 'nginx/Apache combined log', alb: 'AWS ALB log', jsonl: 'JSON lines', har: 'HAR file' };
const count = (value: number) => value.toLocaleString('en');

/** Upload an access log or HAR file: it is sent as it is, read on the server as a stream, and its endpoints join the inventory. */
export function ImportLogDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ step: 'choose' });
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);

  function reset(next: boolean) {
    if (!next) abort.current?.abort();
    setOpen(next);
    setState({ step: 'choose' });
  }

  async function submit() {
    const file = input.current?.files?.[0];
    if (!file) return setState({ step: 'choose', error: 'Choose a log or HAR file.' });
    if (file.size > DISCOVERY_IMPORT_MAX_BYTES) return setState({ step: 'choose', error: 'The file is larger than 1 GiB: import it with npx tollgate discover import FILE.' });
    if (file.size === 0) return setState({ step: 'choose', error: 'The file is empty.' });
    abort.current = new AbortController();
    setState({ step: 'sending', progress: { sent: 0, total: file.size, reading: false } });
    const outcome = await uploadLog(file, (progress) => setState({ step: 'sending', progress }), abort.current.signal);
    if (!outcome.ok) return setState({ step: 'choose', error: outcome.error });
    setState({ step: 'done', result: outcome.result });
    toast.success(`Imported ${file.name}: ${count(outcome.result.templates)} endpoints`);
    router.refresh();
  }

  const sending = state.step === 'sending';
  return (
    <Dialog
      title="Import a log"
      description="An nginx or Apache combined log, an AWS ALB log, JSON lines or a HAR file, up to 1 GiB. Its requests are folded into endpoints and held against the catalog, as the gateways' are."
      open={open}
      onOpenChange={(next) => (next || !sending ? reset(next) : undefined)}
      trigger={
        <Button variant="secondary">
          <FileUp aria-hidden="true" /> Import a log
        </Button>
      }
      footer={
        state.step === 'done' ? (
          <Button onClick={() => reset(false)}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => reset(false)}>
              Cancel
            </Button>
            <Button loading={sending} onClick={() => void submit()}>
              Import
            </Button>
          </>
        )
      }
    >
      {state.step === 'done' ? (
        <ImportSummary result={state.result} />
      ) : (
        <div className="grid gap-4">
          <Field label="Log or HAR file" error={state.step === 'choose' ? state.error : undefined} description="The format is read from the file's content.">
            <input
              ref={input}
              type="file"
              disabled={sending}
              accept=".log,.txt,.json,.jsonl,.ndjson,.har,text/plain,application/json"
              className="text-sm text-muted-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-card file:px-3 file:py-1.5 file:text-sm file:text-foreground"
              onChange={() => setState({ step: 'choose' })}
            />
          </Field>
          {sending ? <SendProgress progress={state.progress} /> : null}
        </div>
      )}
    </Dialog>
  );
}

function SendProgress({ progress }: { progress: UploadProgress }) {
  const share = progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 100;
  const label = progress.reading ? 'Reading the file…' : `Sending the file: ${share}%`;
  return (
    <div className="grid gap-1.5" aria-live="polite">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.reading ? undefined : share}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className={progress.reading ? 'h-full w-full animate-pulse bg-primary/60' : 'h-full bg-primary transition-[width]'} style={progress.reading ? undefined : { width: `${share}%` }} />
      </div>
      <p className="text-sm text-muted-foreground">{label}</p>
    </div>
  );
}

function ImportSummary({ result }: { result: TDiscoveryImportResult }) {
  const rows: [string, string][] = [
    ['Format', FORMAT_LABELS[result.format]],
    ['Lines read', count(result.records)],
    ['Endpoints found', count(result.templates)],
    ['Not documented', count(result.stored)],
    ['New shadow endpoints', count(result.newShadows)],
    ['Lines skipped', count(result.badLines)],
    ...(result.overflow > 0 ? ([['Requests past the endpoint cap', count(result.overflow)]] as [string, string][]) : []),
  ];
  return (
    <section aria-label="Import summary" className="grid gap-3">
      <p className="text-sm">
        <span className="font-medium">{result.file}</span> is imported.
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {result.badLines > 0 ? <p className="text-xs text-muted-foreground">Skipped lines are not in a format the import knows; the command line import prints each one.</p> : null}
    </section>
  );
}
