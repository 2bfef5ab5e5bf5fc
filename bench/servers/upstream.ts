// The upstream every variant forwards to: a small JSON answer over keep-alive HTTP/1.1.
//
//   node --import tsx bench/servers/upstream.ts [port]     prints "ready <port>"
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY = Buffer.from(JSON.stringify({ id: 42, name: 'widget', price: 9.99, currency: 'EUR', tags: ['blue', 'small'], inStock: true }));
const HEADERS = { 'content-type': 'application/json', 'content-length': String(BODY.length) };

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, HEADERS);
  res.end(BODY);
});
server.keepAliveTimeout = 120_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});
