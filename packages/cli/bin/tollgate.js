#!/usr/bin/env node
// The `tollgate` command. Workspace packages are TypeScript consumed from source, so the
// CLI loads through tsx's ESM hooks.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
