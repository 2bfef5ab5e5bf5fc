// gRPC route backends through the admin API's route operations and apply over the API:
// the .proto travels as text; one that does not parse or lacks its method is refused
// naming the field, and nothing is written.
import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { applyConfigFile, exportConfigFile } from '../config';
import { CLI_PRINCIPAL } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { createRoute } from './create-route';
import { updateRoute } from './update-route';

const t = useTestDatabase();

const PROTO = `syntax = "proto3";
package shop.v1;
message GetItemRequest { string id = 1; }
message Item { string id = 1; string name = 2; }
service Items { rpc GetItem(GetItemRequest) returns (Item); }
`;
const grpc = (overrides: Record<string, unknown> = {}) => ({ kind: 'grpc', proto: PROTO, service: 'shop.v1.Items', method: 'GetItem', ...overrides });
const file = () => ({
  apis: [{ slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published', upstream: { targets: [{ url: 'http://127.0.0.1:50051' }] }, routes: [{ path: '/items/{id}', backend: grpc() }] }],
});

describe('gRPC route backends', () => {
  it('applies with the .proto text, exports it and applies back as a no-op', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    const route = await t.db.route.findFirstOrThrow({ where: { path: '/items/{id}' } });
    expect(route.policies).toMatchObject({ backend: { kind: 'grpc', proto: PROTO, method: 'GetItem' } });
    const exported = await runOperation(t.db, CLI_PRINCIPAL, exportConfigFile, {});
    expect((await applyConfigFile(t.db, CLI_PRINCIPAL, { config: exported })).changes).toEqual([]);
  });

  it('the admin API refuses a .proto that does not parse and a method it lacks, on create and update, writing nothing', async () => {
    await applyConfigFile(t.db, CLI_PRINCIPAL, { config: file() });
    const routes = async () => t.db.route.findMany({ orderBy: { id: 'asc' } });
    const before = await routes();
    await expect(runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/things/{id}', backend: grpc({ proto: 'syntax = "proto3"; message {' }) })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'backend.proto', reason: expect.stringContaining('does not parse') }],
    });
    await expect(runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/things/{id}', backend: grpc({ method: 'DeleteItem' }) })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'backend.method', reason: 'service shop.v1.Items has no method DeleteItem' }],
    });
    expect(await routes()).toEqual(before);
    await expect(runOperation(t.db, CLI_PRINCIPAL, updateRoute, { apiSlug: 'shop', routeId: before[0]!.id, backend: grpc({ proto: 'items.proto' }) })).rejects.toMatchObject({
      code: 'invalid_params',
      invalidParams: [{ name: 'backend.proto', reason: expect.stringContaining('not a file path') }],
    });
    expect(await routes()).toEqual(before);
    const created = (await runOperation(t.db, CLI_PRINCIPAL, createRoute, { apiSlug: 'shop', path: '/things/{id}', backend: grpc() })) as { policies: Record<string, unknown> };
    expect(created.policies.backend).toMatchObject({ kind: 'grpc', service: 'shop.v1.Items' });
  });
});
