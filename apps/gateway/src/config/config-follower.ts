import { describeTargets } from '../adapters/upstream/describe-targets';
import { createConfigListener, describeConnectionError, readConfigChanges, recordGatewayHeartbeat, type ConfigListener, type Db, type GatewaySnapshot } from '@tollgate/db';
import type { GatewayServices } from '../pipeline/types';
import { applyKeyChanges } from './apply-key-changes';
import { compileSnapshot } from './compile-snapshot';
import type { CompiledSnapshot, ConfigSource } from './compiled-snapshot.types';
import type { ConfigStore } from './config-store';
import type { PrebuiltKeys } from './index-snapshot';
import { loadDatabaseConfig } from './load-database-config';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const DEBOUNCE_MS = 25;
const MIN_BACKOFF_MS = 100;
/**
 * Reconnect attempts while PostgreSQL is away stay this close together (plus jitter up to
 * 25%), so a change made after it returns reaches the gateway within a second. A refused
 * connection costs next to nothing; an unreachable host is bounded by the connect timeout.
 */
const MAX_BACKOFF_MS = 400;
/** Retries of a failed reload back off up to this; the heartbeat keeps trying beyond. */
const MAX_RETRY_MS = 5_000;

export type ReloadKind = 'full' | 'incremental' | 'disk';

export interface ConfigFollowerOptions {
  db: Db;
  databaseUrl: string;
  snapshotPath: string;
  store: ConfigStore;
  services: GatewayServices;
  instance: { id: string; hostname: string; version: string };
  heartbeatMs: number;
}

/**
 * Keeps the served snapshot current: LISTENs for revision notifications on a dedicated
 * connection (reconnecting with backoff), reloads after a short debounce, writes each
 * good snapshot to disk, and beats a heartbeat that also catches missed notifications.
 * While PostgreSQL is away the last snapshot keeps serving.
 */
export class ConfigFollower {
  #listener: ConfigListener | null = null;
  #closed = false;
  #reloading: Promise<void> | null = null;
  #reloadAgain = false;
  #debounce: NodeJS.Timeout | null = null;
  #reconnect: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #backoffMs = MIN_BACKOFF_MS;
  #writtenRevision = -1;
  /** The last full snapshot (without keys), written to disk with the current key table. */
  #base: GatewaySnapshot | null = null;
  #writing: Promise<void> | null = null;
  #writeAgain = false;
  #retry: NodeJS.Timeout | null = null;
  #retryMs = MIN_BACKOFF_MS;

  constructor(private readonly options: ConfigFollowerOptions) {}

  get #log() {
    return this.options.services.log;
  }

  /** Reads, compiles and serves the database's snapshot. Throws when it cannot be read. */
  async loadFromDatabase(): Promise<CompiledSnapshot> {
    const started = performance.now();
    const { snapshot, keys } = await loadDatabaseConfig(this.options.db, this.options.databaseUrl);
    if (this.#closed) throw new Error('the gateway is shutting down');
    const compiled = this.#serve(snapshot, 'database', started, keys);
    void this.#writeToDisk();
    return compiled;
  }

  /** Serves the snapshot last written to disk, or says why there is none. */
  async loadFromDisk(): Promise<{ ok: true; snapshot: CompiledSnapshot } | { ok: false; reason: string }> {
    const started = performance.now();
    const file = await readSnapshotFile(this.options.snapshotPath);
    if (!file.ok) return file;
    this.#writtenRevision = file.snapshot.revision;
    return { ok: true, snapshot: this.#serve(file.snapshot, 'disk', started, file.keys) };
  }

  start(): void {
    void this.#connect();
    this.#heartbeat = setInterval(() => void this.#beat(), this.options.heartbeatMs);
    this.#heartbeat.unref();
    void this.#beat();
  }

  /** Reloads now (coalescing with a reload already running). */
  reload(): Promise<void> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      do {
        this.#reloadAgain = false;
        await this.#reloadOnce();
      } while (this.#reloadAgain && !this.#closed);
    })().finally(() => {
      this.#reloading = null;
    });
    return this.#reloading;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of [this.#debounce, this.#reconnect, this.#heartbeat, this.#retry]) if (timer) clearTimeout(timer);
    await this.#listener?.close();
    this.#listener = null;
    await this.#reloading?.catch(() => {});
    await this.#writing;
  }

  #serve(snapshot: GatewaySnapshot, source: ConfigSource, started: number, keys: PrebuiltKeys | undefined): CompiledSnapshot {
    const { services } = this.options;
    const compiled = compileSnapshot(snapshot, source, services, undefined, keys);
    this.#base = { ...snapshot, keys: [] };
    this.#swap(compiled, source === 'disk' ? 'disk' : 'full', started);
    services.pools.retain(compiled.origins);
    for (const warning of compiled.warnings) this.#log.warn({ revision: compiled.revision }, warning);
    return compiled;
  }

  #swap(compiled: CompiledSnapshot, kind: ReloadKind, started: number): void {
    const { services, store } = this.options;
    const previous = store.swap(compiled);
    const seconds = (performance.now() - started) / 1000;
    services.metrics.reloadDuration.labels(kind).observe(seconds);
    services.metrics.reloads.labels(kind).inc();
    services.metrics.configRevision.set(compiled.revision);
    services.metrics.configKeys.set(compiled.index.keys.size);
    services.metrics.configFromDisk.set(compiled.source === 'disk' ? 1 : 0);
    services.metrics.configSource.labels('database').set(compiled.source === 'database' ? 1 : 0);
    services.metrics.configSource.labels('disk').set(compiled.source === 'disk' ? 1 : 0);
    const fields = { revision: compiled.revision, previous: previous?.revision ?? null, source: compiled.source, kind, ms: Math.round(seconds * 1000) };
    this.#log.info({ ...fields, routes: compiled.routes.length, keys: compiled.index.keys.size }, 'serving config');
  }

  async #reloadOnce(): Promise<void> {
    const started = performance.now();
    try {
      const current = this.options.store.current;
      if (current?.source === 'database') {
        const changes = await readConfigChanges(this.options.db, current.revision);
        this.#retryMs = MIN_BACKOFF_MS;
        if (this.#closed || changes.revision === current.revision) return;
        const patched = applyKeyChanges(current, changes);
        if (patched !== null) {
          this.#swap(patched, 'incremental', started);
          void this.#writeToDisk();
          return;
        }
      }
      const { snapshot, keys } = await loadDatabaseConfig(this.options.db, this.options.databaseUrl);
      if (this.#closed) return;
      const latest = this.options.store.current;
      if (latest?.source === 'database' && latest.revision === snapshot.revision) return;
      this.#serve(snapshot, 'database', started, keys);
      void this.#writeToDisk();
      this.#retryMs = MIN_BACKOFF_MS;
    } catch (error) {
      this.#scheduleRetry();
      this.options.services.metrics.reloadFailures.inc();
      this.#log.warn({ revision: this.options.store.current?.revision }, `config reload failed, still serving the last snapshot: ${describeConnectionError(error, this.options.databaseUrl)}`);
    }
  }

  /** Writes the served snapshot to disk; writes requested while one runs collapse into one more. */
  #writeToDisk(): Promise<void> {
    if (this.#writing) {
      this.#writeAgain = true;
      return this.#writing;
    }
    this.#writing = (async () => {
      do {
        this.#writeAgain = false;
        await this.#writeOnce();
      } while (this.#writeAgain);
    })().finally(() => {
      this.#writing = null;
    });
    return this.#writing;
  }

  async #writeOnce(): Promise<void> {
    const current = this.options.store.current;
    const base = this.#base;
    if (current === null || base === null || current.source !== 'database' || current.revision === this.#writtenRevision) return;
    try {
      await writeSnapshotFile(this.options.snapshotPath, { ...base, revision: current.revision, loadedAt: current.loadedAt }, current.index.keys);
      this.#writtenRevision = current.revision;
    } catch (error) {
      this.#log.warn({ path: this.options.snapshotPath, err: error }, 'could not write the config snapshot to disk');
    }
  }

  #scheduleReload(delayMs: number): void {
    if (this.#closed || this.#debounce) return;
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      void this.reload();
    }, delayMs);
  }

  async #connect(): Promise<void> {
    this.#reconnect = null;
    if (this.#closed) return;
    try {
      const listener = await createConfigListener(this.options.databaseUrl, {
        onRevision: (revision) => {
          const current = this.options.store.current;
          if (revision !== null && current?.source === 'database' && revision <= current.revision) return;
          this.#scheduleReload(DEBOUNCE_MS);
        },
        onLost: (error) => {
          this.#listener = null;
          this.#log.warn({ revision: this.options.store.current?.revision }, `lost the config channel, still serving the last snapshot: ${describeConnectionError(error, this.options.databaseUrl)}`);
          this.#scheduleReconnect();
        },
      });
      if (this.#closed) return void (await listener.close());
      this.#listener = listener;
      this.#backoffMs = MIN_BACKOFF_MS;
      this.#log.info('following config changes');
      // Changes made while the channel was down were never notified.
      this.#scheduleReload(0);
    } catch (error) {
      this.#log.warn(`cannot follow config changes yet: ${describeConnectionError(error, this.options.databaseUrl)}`);
      this.#scheduleReconnect();
    }
  }

  /** A failed reload is tried again soon (a pool connection may have died with the server). */
  #scheduleRetry(): void {
    if (this.#closed || this.#retry) return;
    const delay = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.reload();
    }, delay);
    this.#retry.unref();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnect) return;
    const delay = this.#backoffMs * (0.75 + Math.random() * 0.5);
    this.#backoffMs = Math.min(this.#backoffMs * 2, MAX_BACKOFF_MS);
    this.#reconnect = setTimeout(() => void this.#connect(), delay);
    this.#reconnect.unref();
  }

  async #beat(): Promise<void> {
    const current = this.options.store.current;
    try {
      const revision = await recordGatewayHeartbeat(this.options.db, {
        ...this.options.instance,
        configRevision: current?.revision ?? 0,
        status: { source: current?.source ?? null, loadedAt: current?.loadedAt ?? null, targets: current ? describeTargets(current, Date.now()) : [] },
      });
      if (current && (current.source === 'disk' || revision !== current.revision)) this.#scheduleReload(0);
    } catch (error) {
      this.#log.debug({ err: error }, 'heartbeat failed');
    }
  }
}
