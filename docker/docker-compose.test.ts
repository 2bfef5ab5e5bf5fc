// No Docker engine runs the tests, so this file reads docker-compose.yml and the Dockerfile
// against the code: the entries the services start are the ones the npm scripts run, the
// environment they set is what the apps read, and the image installs every workspace.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  command?: string[] | string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const rootPackage = JSON.parse(read('package.json')) as { scripts: Record<string, string>; workspaces: string[] };
const dockerfile = read('docker/Dockerfile');

/** `npm run start:gateway` -> `npm run start -w @tollgate/gateway` -> apps/gateway/src/main.ts */
function entryOfRootScript(script: string): string {
  const command = rootPackage.scripts[script];
  const workspace = /^npm run (\S+) -w (\S+)$/.exec(command ?? '');
  if (!workspace) throw new Error(`root script ${script} is "${command}", not "npm run X -w PKG"`);
  const folder = ['apps', 'packages']
    .flatMap((parent) => readdirSync(path.join(ROOT, parent)).map((name) => `${parent}/${name}`))
    .find((dir) => existsSync(path.join(ROOT, dir, 'package.json')) && JSON.parse(read(`${dir}/package.json`)).name === workspace[2]);
  if (!folder) throw new Error(`no workspace ${workspace[2]}`);
  const inner = (JSON.parse(read(`${folder}/package.json`)) as { scripts: Record<string, string> }).scripts[workspace[1]!];
  const tsx = /^tsx (\S+\.ts)$/.exec(inner ?? '');
  if (!tsx) throw new Error(`${folder} script ${workspace[1]} is "${inner}", not "tsx FILE"`);
  return `${folder}/${tsx[1]}`;
}

/** Environment variable names an app's env.ts declares. */
function declaredEnv(file: string): Set<string> {
  return new Set([...read(file).matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]!));
}

describe('docker-compose.yml', () => {
  it('starts each long-running service on the entry its root npm script runs', () => {
    const expected = { gateway: 'start:gateway', portal: 'start:portal', 'demo-upstream': 'start:demo-upstream' } as const;
    for (const [service, script] of Object.entries(expected)) {
      const command = compose.services[service]?.command;
      expect(command, service).toEqual(['node', '--import', 'tsx', entryOfRootScript(script)]);
    }
    expect(compose.services.migrate?.command).toEqual(['npm', 'run', 'db:migrate']);
    expect(rootPackage.scripts['db:migrate']).toBeDefined();
  });

  it('sets only variables the apps read, and the ones ARCHITECTURE.md names', () => {
    const checks = {
      gateway: 'apps/gateway/src/env.ts',
      portal: 'apps/portal/src/env.ts',
      'demo-upstream': 'apps/demo-upstream/src/env.ts',
    } as const;
    for (const [service, envFile] of Object.entries(checks)) {
      const declared = declaredEnv(envFile);
      for (const name of Object.keys(compose.services[service]?.environment ?? {})) expect(declared, `${service} ${name}`).toContain(name);
    }
    expect(Object.keys(compose.services.gateway?.environment ?? {})).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'GATEWAY_PORT', 'GATEWAY_ADMIN_PORT']),
    );
    expect(Object.keys(compose.services.portal?.environment ?? {})).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'PORTAL_PORT', 'ADMIN_TOKEN', 'NEXTAUTH_SECRET']),
    );
  });

  it('has the seed, health checks and start order wired', () => {
    const seedCommand = JSON.stringify(compose.services.seed?.command);
    expect(seedCommand).toContain('prisma/seed/cli.ts');
    expect(seedCommand).toContain('http://demo-upstream:4010');
    expect(existsSync(path.join(ROOT, 'prisma/seed/cli.ts'))).toBe(true);
    for (const service of ['postgres', 'redis', 'gateway', 'portal', 'demo-upstream']) {
      expect(compose.services[service]?.healthcheck?.test, service).toBeDefined();
    }
    for (const service of ['gateway', 'portal', 'seed']) {
      expect(compose.services[service]?.depends_on?.migrate?.condition, service).toBe('service_completed_successfully');
    }
    expect(JSON.stringify(compose.services.gateway?.healthcheck)).toContain(`:${compose.services.gateway?.environment?.GATEWAY_ADMIN_PORT}/readyz`);
    for (const volume of Object.values(compose.services).flatMap((service) => service.volumes ?? [])) {
      expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
    }
  });

  it('builds every image from docker/Dockerfile stages that exist', () => {
    const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]));
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(service.build.dockerfile, name).toBe('docker/Dockerfile');
      expect(stages, name).toContain(service.build.target);
    }
  });
});

describe('docker/Dockerfile', () => {
  it('copies the manifest of every workspace before npm ci', () => {
    const beforeInstall = dockerfile.slice(0, dockerfile.indexOf('npm ci'));
    const workspaces = rootPackage.workspaces
      .flatMap((pattern) => readdirSync(path.join(ROOT, pattern.replace('/*', ''))).map((name) => `${pattern.replace('/*', '')}/${name}`))
      .filter((dir) => existsSync(path.join(ROOT, dir, 'package.json')));
    expect(workspaces.length).toBeGreaterThan(3);
    for (const dir of workspaces) expect(beforeInstall, dir).toContain(`COPY ${dir}/package.json ${dir}/`);
    for (const file of ['package-lock.json', 'scripts/prisma-generate.mjs', 'prisma/schema.prisma', 'prisma.config.ts']) {
      expect(beforeInstall, file).toContain(file);
    }
  });

  it('uses node 20 on Debian bookworm and runs as the node user', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
