import { createConfigListener, describeConnectionError, loadGatewaySnapshot, recordGatewayHeartbeat, type ConfigListener, type Db, type GatewaySnapshot } from '@tollgate/db';
import type { GatewayServices } from '../pipeline/types';
import { compileSnapshot } from './compile-snapshot';
import type { CompiledSnapshot, ConfigSource } from './compiled-snapshot.types';
import type { ConfigStore } from './config-store';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const DEBOUNCE_MS = 25;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 15_000;

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

  constructor(private readonly options: ConfigFollowerOptions) {}

  get #log() {
    return this.options.services.log;
  }

  /** Reads, compiles and serves the database's snapshot. Throws when it cannot be read. */
  async loadFromDatabase(): Promise<CompiledSnapshot> {
    const started = performance.now();
    const snapshot = await loadGatewaySnapshot(this.options.db);
    if (this.#closed) throw new Error('the gateway is shutting down');
    const compiled = this.#serve(snapshot, 'database', started);
    void this.#writeToDisk(snapshot);
    return compiled;
  }

  /** Serves the snapshot last written to disk, or says why there is none. */
  async loadFromDisk(): Promise<{ ok: true; snapshot: CompiledSnapshot } | { ok: false; reason: string }> {
    const started = performance.now();
    const file = await readSnapshotFile(this.options.snapshotPath);
    if (!file.ok) return file;
    this.#writtenRevision = file.snapshot.revision;
    return { ok: true, snapshot: this.#serve(file.snapshot, 'disk', started) };
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
    for (const timer of [this.#debounce, this.#reconnect, this.#heartbeat]) if (timer) clearTimeout(timer);
    await this.#listener?.close();
    this.#listener = null;
    await this.#reloading?.catch(() => {});
  }

  #serve(snapshot: GatewaySnapshot, source: ConfigSource, started: number): CompiledSnapshot {
    const { services, store } = this.options;
    const compiled = compileSnapshot(snapshot, source, services);
    store.swap(compiled);
    services.pools.retain(compiled.origins);
    services.metrics.reloadDuration.observe((performance.now() - started) / 1000);
    services.metrics.configRevision.set(compiled.revision);
    services.metrics.configFromDisk.set(source === 'disk' ? 1 : 0);
    for (const warning of compiled.warnings) this.#log.warn({ revision: compiled.revision }, warning);
    this.#log.info({ revision: compiled.revision, source, routes: compiled.routes.length, keys: compiled.index.keys.size }, 'serving config');
    return compiled;
  }

  async #reloadOnce(): Promise<void> {
    const started = performance.now();
    try {
      const snapshot = await loadGatewaySnapshot(this.options.db);
      if (this.#closed) return;
      const current = this.options.store.current;
      if (current?.source === 'database' && current.revision === snapshot.revision) return;
      this.#serve(snapshot, 'database', started);
      await this.#writeToDisk(snapshot);
    } catch (error) {
      this.options.services.metrics.reloadFailures.inc();
      this.#log.warn({ revision: this.options.store.current?.revision }, `config reload failed, still serving the last snapshot: ${describeConnectionError(error, this.options.databaseUrl)}`);
    }
  }

  async #writeToDisk(snapshot: GatewaySnapshot): Promise<void> {
    if (snapshot.revision === this.#writtenRevision) return;
    try {
      await writeSnapshotFile(this.options.snapshotPath, snapshot);
      this.#writtenRevision = snapshot.revision;
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
        status: { source: current?.source ?? null, loadedAt: current?.loadedAt ?? null },
      });
      if (current && (current.source === 'disk' || revision !== current.revision)) this.#scheduleReload(0);
    } catch (error) {
      this.#log.debug({ err: error }, 'heartbeat failed');
    }
  }
}
