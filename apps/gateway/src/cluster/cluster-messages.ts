import type { ConfigSource } from '../config/compiled-snapshot.types';

/** Worker -> primary: the config the worker serves, sent when it changes. */
export interface WorkerStatusMessage {
  readonly type: 'tollgate:status';
  readonly revision: number;
  readonly source: ConfigSource;
  readonly loadedAt: string;
}

/** Primary -> worker: stop accepting, drain, exit. */
export interface ShutdownMessage {
  readonly type: 'tollgate:shutdown';
}

export const SHUTDOWN: ShutdownMessage = { type: 'tollgate:shutdown' };

export function isWorkerStatus(message: unknown): message is WorkerStatusMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'tollgate:status';
}

export function isShutdown(message: unknown): message is ShutdownMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'tollgate:shutdown';
}
