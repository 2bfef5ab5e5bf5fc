// The Node peer users would pick: Fastify with @fastify/http-proxy, default settings,
// logging off.
//
//   node --import tsx bench/servers/fastify-proxy.ts <upstream-port> [port]     prints "ready <port>"
import proxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const app = Fastify({ logger: false, keepAliveTimeout: 120_000 });
await app.register(proxy, { upstream: `http://127.0.0.1:${process.argv[2]}` });
const address = await app.listen({ port: Number(process.argv[3] ?? 0), host: '127.0.0.1' });
console.log(`ready ${new URL(address).port}`);
