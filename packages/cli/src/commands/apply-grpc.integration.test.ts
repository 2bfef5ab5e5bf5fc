// `tollgate apply` with a gRPC backend whose .proto is a path relative to the config file:
// the file's text is what is stored; a .proto without the named method is one readable
// line naming the field, and nothing is written.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@tollgate/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli';

const t = useTestDatabase();
const PROTO = 'syntax = "proto3";\npackage shop.v1;\nmessage GetItemRequest { string id = 1; }\nmessage Item { string id = 1; }\nservice Items { rpc GetItem(GetItemRequest) returns (Item); }\n';
let dir: string;

const yaml = (slug: string, method: string) => `apis:
  - slug: ${slug}
    name: Shop
    basePath: /${slug}
    upstream: { targets: [{ url: "http://127.0.0.1:50051" }] }
    routes:
      - path: /items/{id}
        backend: { kind: grpc, proto: protos/shop.proto, service: shop.v1.Items, method: ${method} }
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tollgate-cli-grpc-'));
  await mkdir(path.join(dir, 'protos'));
  await writeFile(path.join(dir, 'protos', 'shop.proto'), PROTO);
  await writeFile(path.join(dir, 'good.yaml'), yaml('shop', 'GetItem'));
  await writeFile(path.join(dir, 'bad.yaml'), yaml('other', 'DeleteItem'));
});

describe('tollgate apply with a gRPC backend', () => {
  it('reads the .proto relative to the config file and stores its text', async () => {
    const result = await runCli(['apply', '-f', path.join(dir, 'good.yaml')], { DATABASE_URL: t.url });
    expect(result.code, result.stderr).toBe(0);
    const route = await t.db.route.findFirstOrThrow({ where: { api: { slug: 'shop' } } });
    expect(route.policies).toMatchObject({ backend: { kind: 'grpc', proto: PROTO } });
  });

  it('refuses a method the .proto lacks in one line naming the field, writing nothing', async () => {
    const result = await runCli(['apply', '-f', path.join(dir, 'bad.yaml')], { DATABASE_URL: t.url });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('apis[0].routes[0].backend.method');
    expect(result.stderr).toContain('has no method DeleteItem');
    expect(await t.db.api.findUnique({ where: { slug: 'other' } })).toBeNull();
  });
});
