// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) and
// connects it to Postgres through the pg driver adapter. This is what lets migrations run
// where the native schema-engine binary cannot be downloaded (see docs/offline-install.md).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
// Node's WebAssembly global; @types/node 20 does not declare it.
const wasm = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> };
}).WebAssembly;
let wasmReady: Promise<void> | undefined;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bindings });
    const exports = instance.exports as { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export interface EngineLog {
  (line: string): void;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and ends its connection pool. */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  databaseUrl: string,
  schema: { path: string; content: string },
  log: EngineLog = () => {},
): Promise<OpenSchemaEngine> {
  await initWasm();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await bindings.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}
