// JSON <-> XML for the xml and soap backends, with fast-xml-parser. Entity processing
// is off and any document type or entity declaration is refused before parsing, so no
// XML the gateway reads can define an entity, expand one or reach a file or a host
// (XXE); the predefined entities (&lt; &amp; ...) and character references are decoded
// as plain text.
import { decodeXML } from 'entities';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const SOAP_11_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_12_NAMESPACE = 'http://www.w3.org/2003/05/soap-envelope';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Where a document type or entity declaration starts (`<!DOCTYPE`, `<!ENTITY`, any case). */
const DECLARATIONS = /<!\s*(?:DOCTYPE|ENTITY)/i;

/** Why XML was not read: it declares a document type or entities, or it is not well-formed. */
export class XmlRefused extends Error {
  constructor(
    readonly reason: 'declaration' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'XmlRefused';
  }
}

const SCHEMA_INSTANCE_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

// Prefixes are kept here and dropped by plainElement, which needs them to tell namespace
// declarations and schema-instance attributes (xsi:type, xsi:nil) from the data's own.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  tagValueProcessor: (_name, value) => decodeXML(value),
  attributeValueProcessor: (_name, value) => decodeXML(value),
});

// suppressBooleanAttributes off: a bare `gift` (its default for "true") is not well-formed XML.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, suppressEmptyNode: false, suppressBooleanAttributes: false, format: false });

type Namespaces = ReadonlyMap<string, string>;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const isNamespaceDeclaration = (name: string): boolean => name === 'xmlns' || name.startsWith('xmlns:');
function isSchemaInstance(name: string, namespaces: Namespaces): boolean {
  const colon = name.indexOf(':');
  return colon > 0 && (name.slice(0, colon) === 'xsi' || namespaces.get(name.slice(0, colon)) === SCHEMA_INSTANCE_NAMESPACE);
}

/** The prefixes in scope on an element: its parent's, with the element's own `xmlns:p` declarations. */
function declaredNamespaces(entries: [string, unknown][], inScope: Namespaces): Namespaces {
  const declared = entries.filter(([key]) => key.startsWith('@xmlns:'));
  return declared.length === 0 ? inScope : new Map([...inScope, ...declared.map(([key, value]): [string, string] => [key.slice('@xmlns:'.length), String(value)])]);
}

/**
 * A parsed element as plain JSON: prefixes dropped, attributes as `@name` (without
 * namespace declarations and xsi attributes), `xsi:nil` as null, an element holding only
 * text as its string. Entries are collected before the object is made, so no element
 * name (`p:__proto__`) can reach a prototype.
 */
function plainElement(value: unknown, inScope: Namespaces): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const namespaces = declaredNamespaces(entries, inScope);
  const attributes: [string, unknown][] = [];
  const children = new Map<string, unknown>();
  for (const [key, item] of entries) {
    if (key === '#text') children.set(key, item);
    else if (!key.startsWith('@')) {
      const name = localName(key);
      const plain = Array.isArray(item) ? item.map((each) => plainElement(each, namespaces)) : plainElement(item, namespaces);
      // Two prefixes on one local name (a:x, b:x) are one repeated element, as without prefixes.
      children.set(name, children.has(name) ? [children.get(name), plain].flat() : plain);
    } else if (isSchemaInstance(key.slice(1), namespaces)) {
      if (localName(key) === 'nil' && (item === 'true' || item === '1')) return null;
    } else if (!isNamespaceDeclaration(key.slice(1))) attributes.push([`@${localName(key.slice(1))}`, item]);
  }
  if (attributes.length === 0 && children.size === 0) return '';
  if (attributes.length === 0 && children.size === 1 && children.has('#text')) return children.get('#text');
  return Object.fromEntries([...attributes, ...children]);
}

/**
 * XML as plain values: elements become keys (namespace prefixes dropped), text becomes
 * strings (never guessed into numbers), repeated elements arrays, attributes `@name` keys
 * beside the text's `#text` (an element with only text stays a string).
 * Throws XmlRefused for a declaration or XML that is not well-formed.
 */
export function parseXml(xml: string): Record<string, unknown> {
  if (DECLARATIONS.test(xml)) throw new XmlRefused('declaration', 'XML with a document type or entity declaration is refused');
  let parsed: unknown;
  try {
    parsed = plainElement(parser.parse(xml, true), new Map());
  } catch (error) {
    throw new XmlRefused('malformed', `not well-formed XML: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).length === 0) throw new XmlRefused('malformed', 'not an XML document');
  return parsed as Record<string, unknown>;
}

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const isXmlName = (name: string): boolean => ELEMENT_NAME.test(name) && !/^xml/i.test(name);

/**
 * The path of the first key that cannot be an XML element name (so a key can never inject
 * markup), or null. `@name` is an attribute and `#text` the element's text: both one
 * value, never an object or a list.
 */
export function badElementName(value: unknown, at = ''): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const bad = badElementName(item, `${at}[${index}]`);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const path = at === '' ? key : `${at}.${key}`;
    if (key === '#text' || key.startsWith('@')) {
      if ((key !== '#text' && !isXmlName(key.slice(1))) || (typeof item === 'object' && item !== null)) return path;
      continue;
    }
    if (!isXmlName(key)) return path;
    const bad = badElementName(item, path);
    if (bad !== null) return bad;
  }
  return null;
}

/** JSON in the builder's terms: `@name` an attribute (its value as text), null an empty element. */
function forBuilder(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(forBuilder);
  if (typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => (key.startsWith('@') ? [`@_${key.slice(1)}`, item === null ? '' : String(item)] : [key, forBuilder(item)])));
}

/** `<root xmlns="namespace">content</root>`; keys must have passed badElementName (an `@name` at the top is the root's attribute). */
export function buildXmlDocument(root: string, namespace: string | undefined, content: Record<string, unknown>): string {
  const element = { ...(namespace !== undefined ? { '@_xmlns': namespace } : {}), ...(forBuilder(content) as object) };
  return DECLARATION + (builder.build({ [root]: element }) as string);
}

/** A SOAP envelope whose body is the operation element (default namespace: the operation's), holding `content`. */
export function buildSoapEnvelope(version: '1.1' | '1.2', operation: string, namespace: string, content: Record<string, unknown>): string {
  const envelope = {
    'soap:Envelope': {
      '@_xmlns:soap': version === '1.2' ? SOAP_12_NAMESPACE : SOAP_11_NAMESPACE,
      'soap:Body': { [operation]: { '@_xmlns': namespace, ...(forBuilder(content) as object) } },
    },
  };
  return DECLARATION + (builder.build(envelope) as string);
}

export type SoapAnswer = { readonly kind: 'body'; readonly body: Record<string, unknown> } | { readonly kind: 'fault'; readonly code: string; readonly reason: string };

const asRecord = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
/** The text of an element (the first of repeated ones), also when it carries attributes (`<Text xml:lang="en">`). */
const firstText = (value: unknown): string => {
  const first = Array.isArray(value) ? value[0] : value;
  const text = asRecord(first)?.['#text'] ?? first;
  return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
};

/** The body of a parsed SOAP 1.1 or 1.2 envelope, or its fault (code and string); null when it is not an envelope. */
export function readSoapEnvelope(document: Record<string, unknown>): SoapAnswer | null {
  const envelope = asRecord(document.Envelope);
  if (envelope === null || !('Body' in envelope)) return null;
  // The Body's own attributes (wsu:Id and the like) belong to the envelope, not to the answer.
  const body = Object.fromEntries(Object.entries(asRecord(envelope.Body) ?? {}).filter(([key]) => !key.startsWith('@')));
  const fault = asRecord(body.Fault);
  if (fault === null) return { kind: 'body', body };
  // SOAP 1.2: Code/Value (with Subcode/Value), Reason/Text; SOAP 1.1: faultcode, faultstring.
  const code12 = asRecord(fault.Code);
  if (code12 !== null) {
    const subcode = asRecord(code12.Subcode);
    const code = [firstText(code12.Value), subcode !== null ? firstText(subcode.Value) : ''].filter((part) => part !== '').join(' / ');
    return { kind: 'fault', code, reason: firstText(asRecord(fault.Reason)?.Text) };
  }
  return { kind: 'fault', code: firstText(fault.faultcode), reason: firstText(fault.faultstring) };
}
