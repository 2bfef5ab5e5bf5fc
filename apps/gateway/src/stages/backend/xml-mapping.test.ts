import { describe, expect, it } from 'vitest';
import { badElementName, buildSoapEnvelope, buildXmlDocument, parseXml, readSoapEnvelope, SOAP_11_NAMESPACE, SOAP_12_NAMESPACE, XmlRefused } from './xml-mapping';

describe('parseXml', () => {
  it('reads elements as keys without namespace prefixes, text as strings and repeated elements as arrays', () => {
    const document = parseXml('<?xml version="1.0"?><w:Forecast xmlns:w="urn:w"><w:city>Oslo</w:city><w:day>01</w:day><w:day>02</w:day><w:empty/></w:Forecast>');
    expect(document).toEqual({ Forecast: { city: 'Oslo', day: ['01', '02'], empty: '' } });
  });

  it('keeps attributes as @name beside #text, and an element with only text as its string', () => {
    const document = parseXml('<m:Quote xmlns:m="urn:m" id="q-1"><m:price m:currency="EUR">12.50</m:price><m:price currency="NOK">140</m:price><m:stock unit="pcs"/><m:note>01</m:note></m:Quote>');
    expect(document).toEqual({ Quote: { '@id': 'q-1', price: [{ '@currency': 'EUR', '#text': '12.50' }, { '@currency': 'NOK', '#text': '140' }], stock: { '@unit': 'pcs' }, note: '01' } });
    expect(Object.keys((document.Quote as { price: object[] }).price[0]!)).toEqual(['@currency', '#text']);
  });

  it('leaves out namespace declarations and xsi attributes, and reads xsi:nil as null', () => {
    const document = parseXml(
      `<r xmlns="urn:r" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:r r.xsd"><a xsi:type="xsd:string">x</a><b xsi:nil="true"/><c xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><d i:nil="true"></d><e i:type="T" kind="k">y</e></c><f xsi:nil="false">z</f><g xml:lang="en">hei</g></r>`,
    );
    expect(document).toEqual({ r: { a: 'x', b: null, c: { d: null, e: { '@kind': 'k', '#text': 'y' } }, f: 'z', g: { '@lang': 'en', '#text': 'hei' } } });
  });

  it('decodes entity references in attribute values as text, never expanding them', () => {
    expect(parseXml('<a n="AT&amp;T &#65; &xxe;">t</a>')).toEqual({ a: { '@n': 'AT&T A &xxe;', '#text': 't' } });
  });

  it('lets no prefixed element name reach a prototype', () => {
    const document = parseXml('<a xmlns:p="urn:p"><p:__proto__><polluted>yes</polluted></p:__proto__></a>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(document.a)).toBe(Object.prototype);
  });

  it('decodes the predefined entities and character references as text', () => {
    expect(parseXml('<a><b>AT&amp;T &lt;3 &#x263A; &#65;</b></a>')).toEqual({ a: { b: 'AT&T <3 ☺ A' } });
  });

  it.each([
    ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>'],
    ['an entity expansion bomb', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>'],
    ['a lower-case doctype', '<!doctype a SYSTEM "http://127.0.0.1/x.dtd"><a/>'],
    ['an entity declaration alone', '<a><!ENTITY x "y"></a>'],
  ])('refuses %s before parsing', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlRefused);
    try {
      parseXml(xml);
    } catch (error) {
      expect((error as XmlRefused).reason).toBe('declaration');
    }
  });

  it('never expands an undeclared entity reference', () => {
    expect(() => parseXml('<a>&xxe;</a>')).not.toThrow();
    expect(JSON.stringify(parseXml('<a>&xxe;</a>'))).not.toContain('root:');
  });

  it('refuses XML that is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => parseXml('not xml at all')).toThrow(XmlRefused);
  });
});

describe('building XML from JSON', () => {
  it('builds a document with the root element and namespace, escaping text', () => {
    const xml = buildXmlDocument('Order', 'urn:shop', { item: 'nuts & <bolts>', count: 3, tags: ['a', 'b'], note: null, address: { city: 'Oslo' } });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:shop"><item>nuts &amp; &lt;bolts&gt;</item><count>3</count><tags>a</tags><tags>b</tags><note></note><address><city>Oslo</city></address></Order>');
    expect(parseXml(xml)).toEqual({ Order: { item: 'nuts & <bolts>', count: '3', tags: ['a', 'b'], note: '', address: { city: 'Oslo' } } });
  });

  it('builds @name keys as attributes and #text as the text, escaping attribute values', () => {
    const xml = buildXmlDocument('Order', 'urn:shop', { '@channel': 'web', item: { '@sku': 'a"<&>', '@gift': true, '#text': 'nuts' }, total: { '@currency': 'EUR', '#text': 12.5 }, note: { '@by': null } });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:shop" channel="web"><item sku="a&quot;&lt;&amp;&gt;" gift="true">nuts</item><total currency="EUR">12.5</total><note by=""></note></Order>');
    expect(parseXml(xml)).toEqual({ Order: { '@channel': 'web', item: { '@sku': 'a"<&>', '@gift': 'true', '#text': 'nuts' }, total: { '@currency': 'EUR', '#text': '12.5' }, note: { '@by': '' } } });
    expect(buildSoapEnvelope('1.1', 'GetForecast', 'urn:weather', { '@units': 'metric', city: 'Oslo' })).toContain('<GetForecast xmlns="urn:weather" units="metric"><city>Oslo</city></GetForecast>');
    // The builder's own prefix is no way to a namespace declaration: it is an attribute named _xmlns.
    expect(buildXmlDocument('Order', undefined, { '@_xmlns': 'urn:x' })).toContain('<Order _xmlns="urn:x"></Order>');
  });

  it('names an attribute key that is no XML name, or an attribute or text that is not one value', () => {
    expect(badElementName({ price: { '@currency': 'EUR', '#text': 12.5 }, '@id': 1 })).toBeNull();
    expect(badElementName({ '@a"><evil/': 'x' })).toBe('@a"><evil/');
    expect(badElementName({ '@xmlns': 'urn:other' })).toBe('@xmlns');
    expect(badElementName({ '@xsi:type': 'x' })).toBe('@xsi:type');
    expect(badElementName({ '@': 'x' })).toBe('@');
    expect(badElementName({ a: [{ '@id': { nested: 1 } }] })).toBe('a[0].@id');
    expect(badElementName({ '#text': ['a', 'b'] })).toBe('#text');
    expect(badElementName({ '#other': 'x' })).toBe('#other');
  });

  it('names a key that could not be an element (or would inject markup)', () => {
    expect(badElementName({ city: 'x', nested: [{ ok: 1 }, { 'a><evil/><b': 1 }] })).toBe('nested[1].a><evil/><b');
    expect(badElementName({ xmlThing: 'x' })).toBe('xmlThing');
    expect(badElementName({ city: 'Oslo', days: ['1'] })).toBeNull();
  });

  it('wraps an operation in a SOAP 1.1 or 1.2 envelope', () => {
    const v11 = buildSoapEnvelope('1.1', 'GetForecast', 'urn:weather', { city: 'Oslo' });
    expect(v11).toBe(`<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_11_NAMESPACE}"><soap:Body><GetForecast xmlns="urn:weather"><city>Oslo</city></GetForecast></soap:Body></soap:Envelope>`);
    expect(buildSoapEnvelope('1.2', 'GetForecast', 'urn:weather', {})).toContain(`xmlns:soap="${SOAP_12_NAMESPACE}"`);
  });
});

describe('readSoapEnvelope', () => {
  it('returns the body of an answer', () => {
    const document = parseXml(`<s:Envelope xmlns:s="${SOAP_11_NAMESPACE}"><s:Header/><s:Body><m:GetForecastResponse xmlns:m="urn:w"><m:temperature>21</m:temperature></m:GetForecastResponse></s:Body></s:Envelope>`);
    expect(readSoapEnvelope(document)).toEqual({ kind: 'body', body: { GetForecastResponse: { temperature: '21' } } });
  });

  it('reads a SOAP 1.1 fault', () => {
    const document = parseXml(`<s:Envelope xmlns:s="${SOAP_11_NAMESPACE}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Unknown city</faultstring><detail><x>1</x></detail></s:Fault></s:Body></s:Envelope>`);
    expect(readSoapEnvelope(document)).toEqual({ kind: 'fault', code: 's:Client', reason: 'Unknown city' });
  });

  it('reads a SOAP 1.2 fault with its subcode and the first reason', () => {
    const document = parseXml(
      `<env:Envelope xmlns:env="${SOAP_12_NAMESPACE}"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:BadCity</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Unknown city</env:Text><env:Text xml:lang="no">Ukjent by</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`,
    );
    expect(readSoapEnvelope(document)).toEqual({ kind: 'fault', code: 'env:Sender / m:BadCity', reason: 'Unknown city' });
  });

  it('reads fault text that carries attributes, and leaves the Body\'s own attributes out of the answer', () => {
    const v11 = parseXml(`<s:Envelope xmlns:s="${SOAP_11_NAMESPACE}"><s:Body><s:Fault><faultcode xsi:type="xsd:QName" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">s:Server</faultcode><faultstring xml:lang="en">Down</faultstring></s:Fault></s:Body></s:Envelope>`);
    expect(readSoapEnvelope(v11)).toEqual({ kind: 'fault', code: 's:Server', reason: 'Down' });
    const v12 = parseXml(`<e:Envelope xmlns:e="${SOAP_12_NAMESPACE}"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code><e:Reason><e:Text xml:lang="en">Down</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>`);
    expect(readSoapEnvelope(v12)).toEqual({ kind: 'fault', code: 'e:Receiver', reason: 'Down' });
    const answer = parseXml(`<s:Envelope xmlns:s="${SOAP_11_NAMESPACE}"><s:Body wsu:Id="body" xmlns:wsu="urn:wsu"><r><price currency="EUR">12.50</price></r></s:Body></s:Envelope>`);
    expect(readSoapEnvelope(answer)).toEqual({ kind: 'body', body: { r: { price: { '@currency': 'EUR', '#text': '12.50' } } } });
  });

  it('says null for a document that is not an envelope', () => {
    expect(readSoapEnvelope({ Forecast: { city: 'Oslo' } })).toBeNull();
  });
});
