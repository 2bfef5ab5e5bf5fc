// Whether a database answers, known before a request needs it (the portal server's guard). One connection
// of its own asks a real table once a second with every PostgreSQL wait bounded (connect,
// lock, statement, and the client's own timer for a server that does not answer at all);
// two probes in a row that fail or run out of time mark the database unavailable (one slow
// answer on a busy machine does not), and one that succeeds marks it available again. The portal server answers 503 at once while it is unavailable instead of
// letting pages wait on a lock or a dead server.
import pg from 'pg';

export interface DatabaseWatchOptions {
  databaseUrl: string;
  /** How long one probe may take, from connecting to its answer. */
  timeoutMs: number;
  intervalMs?: number;
  onChange?: (available: boolean, reason: string | undefined) => void;
}

/** Failed probes in a row before the database counts as unavailable. */
const FAILURES_TO_MARK_DOWN = 2;

/** A table every migrated Tollgate database has, read by the probe so a held lock counts. */
const PROBE = 'select revision from config_state limit 1';

export class DatabaseWatch {
  #available = true;
  #failures = 0;
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(private readonly options: DatabaseWatchOptions) {}

  get available(): boolean {
    return this.#available;
  }

  start(): void {
    const tick = async () => {
      await this.probe();
      if (!this.#stopped) this.#timer = setTimeout(tick, this.options.intervalMs ?? 1_000).unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#drop();
  }

  /** One probe; resolves once the state is updated (never rejects). */
  async probe(): Promise<void> {
    const timeoutMs = this.options.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.#ask(), outOfTime]);
      this.#failures = 0;
      this.#set(true, undefined);
    } catch (error) {
      await this.#drop();
      this.#failures += 1;
      if (this.#failures >= FAILURES_TO_MARK_DOWN) this.#set(false, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async #ask(): Promise<void> {
    if (!this.#client) {
      const timeoutMs = this.options.timeoutMs;
      const client = new pg.Client({
        connectionString: this.options.databaseUrl,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        lock_timeout: timeoutMs,
        application_name: 'tollgate-portal-watch',
      });
      client.on('error', () => void this.#drop());
      this.#client = client;
      await client.connect();
    }
    await this.#client.query(PROBE);
  }

  async #drop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    // end() waits for the server's goodbye; a server that is gone or stopped never sends it.
    client?.end().catch(() => undefined);
  }

  #set(available: boolean, reason: string | undefined): void {
    if (available === this.#available) return;
    this.#available = available;
    this.options.onChange?.(available, reason);
  }
}
