import { describe, expect, it } from 'vitest';
import { badElementName, buildSoapEnvelope, buildXmlDocument, parseXml, readSoapEnvelope, SOAP_11_NAMESPACE, SOAP_12_NAMESPACE, XmlRefused } from './xml-mapping';

describe('parseXml', () => {
  it('reads elements as keys without namespace prefixes, text as strings and repeated elements as arrays', () => {
    const document = parseXml('<?xml version="1.0"?><w:Forecast xmlns:w="urn:w"><w:city>Oslo</w:city><w:day>01</w:day><w:day>02</w:day><w:empty/></w:Forecast>');
    expect(document).toEqual({ Forecast: { city: 'Oslo', day: ['01', '02'], empty: '' } });
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

  it('names a key that could not be an element (or would inject markup)', () => {
    expect(badElementName({ city: 'x', nested: [{ ok: 1 }, { 'a><evil/><b': 1 }] })).toBe('nested[1].a><evil/><b');
    expect(badElementName({ '@_xmlns': 'urn:x' })).toBe('@_xmlns');
    expect(badElementName({ '#text': 'x' })).toBe('#text');
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

  it('says null for a document that is not an envelope', () => {
    expect(readSoapEnvelope({ Forecast: { city: 'Oslo' } })).toBeNull();
  });
});
