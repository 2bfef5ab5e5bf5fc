'use client';

import type { TDiscoveredEndpoint } from '@tollgate/contracts';
import { Button, Dialog, Field, RadioGroup, Select, toast } from '@tollgate/ui';
import { useState, type ReactNode } from 'react';
import { blockEndpointAction, ignoreEndpointAction, mergeEndpointsAction, promoteEndpointAction, splitEndpointAction } from '../actions';

export type EndpointAction = 'promote' | 'block' | 'unblock' | 'ignore' | 'unignore' | 'split' | 'merge';

export type EndpointActionDialogProps = {
  action: EndpointAction;
  endpoint: TDiscoveredEndpoint;
  /** API slugs a promoted route may go to. */
  apis: string[];
  /** Other templates on the same host, to merge into. */
  mergeTargets: TDiscoveredEndpoint[];
  onClose: () => void;
};

const AUTH_OPTIONS = [
  { value: 'key', label: 'API key' },
  { value: 'jwt', label: 'JWT' },
  { value: 'key-or-jwt', label: 'API key or JWT' },
  { value: 'none', label: 'None (public)' },
];

/** Asks before acting on a discovered endpoint, with what the action needs (an API, a status, a template). */
export function EndpointActionDialog({ action, endpoint, apis, mergeTargets, onClose }: EndpointActionDialogProps) {
  const label = `${endpoint.method} ${endpoint.path}`;
  const [pending, setPending] = useState(false);
  const [api, setApi] = useState(endpoint.api ?? '');
  const [auth, setAuth] = useState('key');
  const [status, setStatus] = useState('410');
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = endpoint.id ?? '';

  async function run(): Promise<void> {
    if (action === 'merge' && !into) {
      setError('Choose a template to merge into.');
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await (async () => {
      switch (action) {
        case 'promote':
          return promoteEndpointAction({ id, auth: auth as 'key', ...(api ? { api } : {}) });
        case 'block':
          return blockEndpointAction({ id, status: status === '404' ? 404 : 410 });
        case 'unblock':
          return blockEndpointAction({ id, status: null });
        case 'ignore':
        case 'unignore':
          return ignoreEndpointAction(endpoint.id ? { id, ignored: action === 'ignore' } : { method: endpoint.method, path: endpoint.path, ignored: action === 'ignore' });
        case 'split':
          return splitEndpointAction({ id });
        case 'merge':
          return mergeEndpointsAction({ id, into });
      }
    })().finally(() => setPending(false));
    if (result?.serverError || result?.validationErrors || result?.data === undefined) {
      const problem = result?.serverError;
      setError(problem?.invalidParams?.map((param) => `${param.name}: ${param.reason}`).join('; ') || problem?.message || 'The server did not answer. Try again.');
      return;
    }
    toast.success(DONE[action](label));
    onClose();
  }

  const copy = COPY[action](label);
  let body: ReactNode = null;
  if (action === 'promote') {
    body = (
      <div className="grid gap-4">
        <Field label="API" description={endpoint.api ? `Defaults to ${endpoint.api}, whose base path holds this endpoint.` : 'No API base path holds this endpoint: choose one.'}>
          <Select value={api} onValueChange={setApi} placeholder="Choose an API" options={apis.map((slug) => ({ value: slug, label: slug }))} />
        </Field>
        <Field label="Authentication">
          <Select value={auth} onValueChange={setAuth} options={AUTH_OPTIONS} />
        </Field>
      </div>
    );
  } else if (action === 'block') {
    body = (
      <RadioGroup
        aria-label="Answer with"
        value={status}
        onValueChange={setStatus}
        options={[
          { value: '410', label: '410 Gone', description: 'The endpoint existed and is withdrawn for good.' },
          { value: '404', label: '404 Not Found', description: 'As if it never existed.' },
        ]}
      />
    );
  } else if (action === 'merge') {
    body = (
      <Field label="Merge into" description={mergeTargets.length === 0 ? 'No other template on this host is listed on this page.' : undefined}>
        <Select value={into} onValueChange={setInto} placeholder="Choose a template" options={mergeTargets.map((target) => ({ value: target.id!, label: `${target.method} ${target.path}` }))} />
      </Field>
    );
  }

  return (
    <Dialog
      title={copy.title}
      description={copy.description}
      open
      onOpenChange={(open) => !open && !pending && onClose()}
      footer={
        <>
          <Button variant="secondary" disabled={pending} onClick={onClose}>
            Cancel
          </Button>
          <Button variant={copy.destructive ? 'destructive' : 'primary'} loading={pending} onClick={() => void run()}>
            {copy.confirm}
          </Button>
        </>
      }
    >
      {body}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}

type Copy = { title: string; description: string; confirm: string; destructive?: boolean };

const COPY: Record<EndpointAction, (label: string) => Copy> = {
  promote: (label) => ({ title: `Promote ${label}?`, description: 'Adds a route for it to the API and, when the API has an OpenAPI document, a stub operation to complete. The gateway serves it within a second.', confirm: 'Promote' }),
  block: (label) => ({ title: `Block ${label}?`, description: 'The gateways answer every request to this template with problem+json within a second, and forward none.', confirm: 'Block', destructive: true }),
  unblock: (label) => ({ title: `Unblock ${label}?`, description: 'The gateways stop answering for this template within a second.', confirm: 'Unblock' }),
  ignore: (label) => ({ title: `Ignore ${label}?`, description: 'It leaves the inventory (it is still counted). Find it again with the status filter set to ignored.', confirm: 'Ignore' }),
  unignore: (label) => ({ title: `Take back ${label}?`, description: 'It returns to the inventory.', confirm: 'Take back' }),
  split: (label) => ({ title: `Split ${label}?`, description: 'The concrete paths it folded become endpoints of their own, and later traffic never folds them again.', confirm: 'Split' }),
  merge: (label) => ({ title: `Merge ${label}?`, description: 'Its rows (every method) are added into the template you choose, and later traffic to it is counted there.', confirm: 'Merge' }),
};

const DONE: Record<EndpointAction, (label: string) => string> = {
  promote: (label) => `Promoted ${label}`,
  block: (label) => `Blocked ${label}`,
  unblock: (label) => `Unblocked ${label}`,
  ignore: (label) => `Ignored ${label}`,
  unignore: (label) => `${label} is back in the inventory`,
  split: (label) => `Split ${label}`,
  merge: (label) => `Merged ${label}`,
};
