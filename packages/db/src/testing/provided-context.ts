// What test/setup/global-setup.ts provides to every test file (vitest `inject`).
import type {} from 'vitest';
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}


