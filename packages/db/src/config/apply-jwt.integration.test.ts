import { ZConfigFile, type TConfigFile } from '@tollgate/contracts';
import { describe, expect, it } from 'vitest';
import { loadGatewaySnapshot } from '../gateway/load-gateway-snapshot';
import { useTestDatabase } from '../testing';
import { applyConfig } from './apply-config';

const t = useTestDatabase();
const ISS = 'https://idp.example.com/';

function config(jwt: unknown[], jwtClients: unknown[]): TConfigFile {
  return ZConfigFile.parse({
    apis: [{ slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:4010' }] }, jwt }],
    plans: [{ slug: 'free', name: 'Free', apis: ['weather'] }],
    teams: [{ slug: 'acme', name: 'Acme', apps: [{ slug: 'acme-app', name: 'Acme App', subscriptions: [{ api: 'weather', plan: 'free' }], jwtClients }] }],
  });
}

const apply = (file: TConfigFile) => applyConfig(t.db, file, { baseDir: process.cwd() });

describe('applyConfig: JWT issuers and clients', () => {
  it('creates issuers and clients, is idempotent, and the gateway snapshot carries them', async () => {
    const file = config([{ issuer: ISS, audience: ['weather'], jwksUrl: 'https://idp.example.com/jwks.json', appClaim: 'azp' }], [{ api: 'weather', issuer: ISS, subject: 'web-client' }]);
    const first = await apply(file);
    expect(first.changes.filter((change) => change.kind.startsWith('jwt_')).map((change) => `${change.action} ${change.kind}`)).toEqual(['create jwt_issuer', 'create jwt_client']);
    expect((await apply(file)).changes).toEqual([]);
    const snapshot = await loadGatewaySnapshot(t.db);
    const app = await t.db.app.findUniqueOrThrow({ where: { slug: 'acme-app' } });
    expect(snapshot.jwtIssuers).toEqual([
      expect.objectContaining({ issuer: ISS, audience: ['weather'], algorithms: ['RS256', 'ES256'], appClaim: 'azp', clockSkewSeconds: 30, publicKeyPem: null, clients: [{ subject: 'web-client', appId: app.id }] }),
    ]);
  });

  it('updates an issuer in place and removes clients and issuers the file no longer lists', async () => {
    const updated = await apply(config([{ issuer: ISS, audience: ['weather', 'all'], jwksUrl: 'https://idp.example.com/jwks.json', appClaim: 'azp' }], []));
    expect(updated.changes.map((change) => `${change.action} ${change.kind}`)).toEqual(['update jwt_issuer', 'delete jwt_client']);
    const removed = await apply(config([], []));
    expect(removed.changes.map((change) => `${change.action} ${change.kind}`)).toEqual(['delete jwt_issuer']);
    expect(await t.db.jwtIssuer.count()).toBe(0);
  });

  it('refuses a client for an issuer the API does not have, writing nothing', async () => {
    const before = await t.db.configState.findUniqueOrThrow({ where: { id: 1 } });
    await expect(apply(config([], [{ api: 'weather', issuer: 'https://other.example.com/', subject: 'x' }]))).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'teams[0].apps[0].jwtClients[0].issuer' }],
    });
    expect((await t.db.configState.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(before.revision);
  });
});
