// JSON routes in front of real XML upstreams: SOAP 1.1 and 1.2 services, a SOAP fault,
// a plain XML service, attributes both ways, and XML with entity declarations refused
// from the client and from the upstream.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream, type UpstreamHandler } from '../testing/test-upstream';

const SOAP_11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP_12 = 'http://www.w3.org/2003/05/soap-envelope';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
/** Internal entities (expansion): fast-xml-parser alone would read this document. */
const ENTITIES = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol "expanded"><!ENTITY xxe "&lol;&lol;&lol;&lol;">]>';

const t = useTestDatabase();
const reader = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false });
let soap11: TestUpstream;
let soap12: TestUpstream;
let plain: TestUpstream;
let gateway: RunningGateway;

/** A SOAP service: answers GetForecast with what it was sent, a fault for Atlantis, an XXE envelope for "evil", attributes for Bergen. */
function soapService(namespace: string): UpstreamHandler {
  return (_req, res, received) => {
    const envelope = reader.parse(received.body) as { Envelope: { Body: { GetForecast: Record<string, string> } } };
    const request = envelope.Envelope.Body.GetForecast;
    const type = namespace === SOAP_11 ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
    if (!received.body.includes(`<soap:Envelope xmlns:soap="${namespace}">`)) return res.writeHead(400).end('wrong envelope');
    if (request.city === 'evil') {
      return res.writeHead(200, { 'content-type': type }).end(`${ENTITIES}<s:Envelope xmlns:s="${namespace}"><s:Body><GetForecastResponse><city>&xxe;</city></GetForecastResponse></s:Body></s:Envelope>`);
    }
    if (request.city === 'Atlantis') {
      const fault =
        namespace === SOAP_11
          ? `<s:Fault><faultcode xmlns:xsi="${XSI}" xsi:type="xsd:QName">s:Client</faultcode><faultstring xml:lang="en">Unknown city: Atlantis</faultstring></s:Fault>`
          : '<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">Unknown city: Atlantis</s:Text></s:Reason></s:Fault>';
      return res.writeHead(500, { 'content-type': type }).end(`<?xml version="1.0"?><s:Envelope xmlns:s="${namespace}"><s:Body>${fault}</s:Body></s:Envelope>`);
    }
    if (request.city === 'Bergen') {
      // As a WCF service answers: xsi bound to its own prefix on the response, nil and typed values, attributes on the data.
      const response = `<w:GetForecastResponse xmlns:w="urn:weather" xmlns:i="${XSI}" w:station="B-1"><w:city>Bergen</w:city><w:price currency="EUR">12.50</w:price><w:rain i:type="xsd:string" unit="mm">30</w:rain><w:warning i:nil="true"/></w:GetForecastResponse>`;
      return res.writeHead(200, { 'content-type': type }).end(`<?xml version="1.0"?><s:Envelope xmlns:s="${namespace}"><s:Body>${response}</s:Body></s:Envelope>`);
    }
    const fields = Object.entries(request)
      .filter(([name]) => !name.startsWith('@_'))
      .flatMap(([name, value]) => [value].flat().map((item) => `<w:${name}>${item}</w:${name}>`))
      .join('');
    res.writeHead(200, { 'content-type': type }).end(`<?xml version="1.0"?><s:Envelope xmlns:s="${namespace}"><s:Header/><s:Body><w:GetForecastResponse xmlns:w="urn:weather">${fields}<w:temperature>21 &amp; sunny</w:temperature></w:GetForecastResponse></s:Body></s:Envelope>`);
  };
}

const soapRoute = (version: '1.1' | '1.2') => ({
  path: '/forecast/{city}',
  methods: ['GET', 'POST'],
  auth: 'none',
  backend: { kind: 'soap', version, operation: 'GetForecast', namespace: 'urn:weather', action: 'urn:weather#GetForecast' },
});

beforeAll(async () => {
  soap11 = await startTestUpstream(soapService(SOAP_11));
  soap12 = await startTestUpstream(soapService(SOAP_12));
  plain = await startTestUpstream((_req, res, received) => {
    const order = (reader.parse(received.body) as { Order: Record<string, string> }).Order;
    const item = typeof order.item === 'string' ? order.item : ((order.item as unknown as Record<string, string> | undefined)?.['#text'] ?? '');
    res.writeHead(201, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><Receipt xmlns:xsi="${XSI}"><id>r-1</id><item>${item.replace(/&/g, '&amp;')}</item><total currency="EUR">12.50</total><coupon xsi:nil="true"/></Receipt>`);
  });
  const config = ZConfigFile.parse({
    apis: [
      { slug: 'w11', name: 'Weather 1.1', basePath: '/w11', status: 'published', upstream: { targets: [{ url: `${soap11.url}/service` }] }, routes: [{ ...soapRoute('1.1'), rewrite: '/' }] },
      { slug: 'w12', name: 'Weather 1.2', basePath: '/w12', status: 'published', upstream: { targets: [{ url: soap12.url }] }, routes: [soapRoute('1.2')] },
      { slug: 'shop', name: 'Shop', basePath: '/shop', status: 'published', upstream: { targets: [{ url: plain.url }] }, routes: [{ path: '/orders', methods: ['POST'], auth: 'none', backend: { kind: 'xml', root: 'Order', namespace: 'urn:shop' } }] },
    ],
  });
  await applyConfig(t.db, config, { baseDir: null });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([soap11?.close(), soap12?.close(), plain?.close()]);
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${path}`, init);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

describe('SOAP backend', () => {
  it('calls a SOAP 1.1 operation from a JSON route (text/xml, SOAPAction) and answers JSON', async () => {
    const answer = await call('/w11/forecast/Oslo?days=3');
    expect(answer).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(answer.body).toEqual({ GetForecastResponse: { city: 'Oslo', days: '3', temperature: '21 & sunny' } });
    const sent = soap11.received.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/service/' });
    expect(sent.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(sent.headers.soapaction).toBe('"urn:weather#GetForecast"');
    expect(sent.body).toContain('<GetForecast xmlns="urn:weather"><city>Oslo</city><days>3</days></GetForecast>');
  });

  it('calls a SOAP 1.2 operation with the JSON body (application/soap+xml with its action)', async () => {
    const answer = await call('/w12/forecast/Oslo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ units: 'metric', hours: [6, 12] }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ GetForecastResponse: { city: 'Oslo', units: 'metric', hours: ['6', '12'], temperature: '21 & sunny' } });
    expect(soap12.received.at(-1)!.headers['content-type']).toBe('application/soap+xml; charset=utf-8; action="urn:weather#GetForecast"');
    expect(soap12.received.at(-1)!.headers.soapaction).toBeUndefined();
  });

  it.each([
    ['1.1', '/w11', 's:Client'],
    ['1.2', '/w12', 's:Sender'],
  ])('turns a SOAP %s fault into problem+json with its code and string', async (_version, base, faultCode) => {
    const answer = await call(`${base}/forecast/Atlantis`);
    expect(answer).toMatchObject({ status: 502, type: 'application/problem+json' });
    expect(answer.body).toMatchObject({ code: 'upstream_fault', faultCode, faultString: 'Unknown city: Atlantis' });
    expect(answer.body.detail).toContain('Unknown city: Atlantis');
  });

  it('keeps the answer\'s attributes as @name keys, without namespace declarations or xsi attributes, and xsi:nil as null', async () => {
    const answer = await call('/w11/forecast/Bergen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ '@units': 'metric', hours: { '@step': 6, '#text': 12 } }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ GetForecastResponse: { '@station': 'B-1', city: 'Bergen', price: { '@currency': 'EUR', '#text': '12.50' }, rain: { '@unit': 'mm', '#text': '30' }, warning: null } });
    expect(soap11.received.at(-1)!.body).toContain('<GetForecast xmlns="urn:weather" units="metric"><city>Bergen</city><hours step="6">12</hours></GetForecast>');
  });

  it('refuses XML with an entity declaration from the client before anything reaches the upstream', async () => {
    const before = soap11.received.length;
    const answer = await call('/w11/forecast/Oslo', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: `${XXE}<GetForecast><units>&xxe;</units></GetForecast>` });
    expect(answer).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(answer.body.code).toBe('unsafe_xml');
    expect(soap11.received.length).toBe(before);
  });

  it('refuses an upstream answer with an entity declaration', async () => {
    const answer = await call('/w12/forecast/evil');
    expect(answer).toMatchObject({ status: 502, type: 'application/problem+json' });
    expect(answer.body.code).toBe('upstream_failed');
    expect(JSON.stringify(answer.body)).not.toMatch(/expanded|xxe/);
  });
});

describe('XML backend', () => {
  it('sends a JSON body as the configured XML document and answers the XML as JSON with the upstream status', async () => {
    const answer = await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: 'nuts & bolts', count: 2 }) });
    expect(answer).toMatchObject({ status: 201, body: { Receipt: { id: 'r-1', item: 'nuts & bolts', total: { '@currency': 'EUR', '#text': '12.50' }, coupon: null } } });
    expect(plain.received.at(-1)!.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:shop"><item>nuts &amp; bolts</item><count>2</count></Order>');
  });

  it('sends @name keys as attributes, and an XML body\'s attributes too', async () => {
    const answer = await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ '@channel': 'web', item: { '@sku': 'n-"1"', '#text': 'nuts' } }) });
    expect(answer).toMatchObject({ status: 201, body: { Receipt: { item: 'nuts' } } });
    expect(plain.received.at(-1)!.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:shop" channel="web"><item sku="n-&quot;1&quot;">nuts</item></Order>');
    await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<o:Order xmlns:o="urn:client" channel="mail"><o:item o:sku="w-2">washers</o:item></o:Order>' });
    expect(plain.received.at(-1)!.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:shop" channel="mail"><item sku="w-2">washers</item></Order>');
    const notName = await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: { '@xmlns': 'urn:other' } }) });
    expect(notName).toMatchObject({ status: 400, body: { code: 'invalid_params', invalid_params: [{ name: 'item.@xmlns' }] } });
  });

  it('takes an XML body from the client too, and refuses a key that would inject markup', async () => {
    const answer = await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<Order><item>washers</item></Order>' });
    expect(answer).toMatchObject({ status: 201, body: { Receipt: { item: 'washers' } } });
    const injected = await call('/shop/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'a><admin>1</admin><b': 'x' }) });
    expect(injected).toMatchObject({ status: 400, body: { code: 'invalid_params', invalid_params: [{ name: 'a><admin>1</admin><b' }] } });
  });
});
