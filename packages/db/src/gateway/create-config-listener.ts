import pg from 'pg';
import { CONFIG_CHANNEL } from '../config/bump-config-revision';

export interface ConfigListener {
  close(): Promise<void>;
}

export interface ConfigListenerHandlers {
  /** The revision from the payload, or null when the payload is not a number. */
  onRevision(revision: number | null): void;
  /** The connection failed or ended; the listener is dead and must be opened again. */
  onLost(error: Error): void;
}

/**
 * Opens a dedicated connection (not from a pool: LISTEN belongs to one session) and
 * LISTENs on the config channel. Resolves once listening.
 */
export async function createConfigListener(databaseUrl: string, handlers: ConfigListenerHandlers): Promise<ConfigListener> {
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000 });
  let closed = false;
  let lost = false;
  const lose = (error: Error) => {
    if (closed || lost) return;
    lost = true;
    client.end().catch(() => {});
    handlers.onLost(error);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('connection to PostgreSQL ended')));
  client.on('notification', (message) => {
    if (message.channel !== CONFIG_CHANNEL) return;
    const revision = Number(message.payload);
    handlers.onRevision(message.payload && Number.isSafeInteger(revision) ? revision : null);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CONFIG_CHANNEL}`);
  } catch (error) {
    closed = true;
    await client.end().catch(() => {});
    throw error;
  }
  return {
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
    },
  };
}
