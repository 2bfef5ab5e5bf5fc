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

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  tagValueProcessor: (_name, value) => decodeXML(value),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, suppressEmptyNode: false, format: false });

/**
 * XML as plain values: elements become keys (namespace prefixes dropped), text becomes
 * strings (never guessed into numbers), repeated elements arrays, attributes are dropped.
 * Throws XmlRefused for a declaration or XML that is not well-formed.
 */
export function parseXml(xml: string): Record<string, unknown> {
  if (DECLARATIONS.test(xml)) throw new XmlRefused('declaration', 'XML with a document type or entity declaration is refused');
  let parsed: unknown;
  try {
    parsed = parser.parse(xml, true);
  } catch (error) {
    throw new XmlRefused('malformed', `not well-formed XML: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Object.keys(parsed).length === 0) throw new XmlRefused('malformed', 'not an XML document');
  return parsed as Record<string, unknown>;
}

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The path of the first key that cannot be an XML element name (so a key can never inject markup), or null. */
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
    if (!ELEMENT_NAME.test(key) || /^xml/i.test(key)) return path;
    const bad = badElementName(item, path);
    if (bad !== null) return bad;
  }
  return null;
}

/** JSON null becomes an empty element. */
function withoutNulls(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, withoutNulls(item)]));
  return value;
}

/** `<root xmlns="namespace">content</root>`; keys must have passed badElementName. */
export function buildXmlDocument(root: string, namespace: string | undefined, content: Record<string, unknown>): string {
  const element = { ...(namespace !== undefined ? { '@_xmlns': namespace } : {}), ...(withoutNulls(content) as object) };
  return DECLARATION + (builder.build({ [root]: element }) as string);
}

/** A SOAP envelope whose body is the operation element (default namespace: the operation's), holding `content`. */
export function buildSoapEnvelope(version: '1.1' | '1.2', operation: string, namespace: string, content: Record<string, unknown>): string {
  const envelope = {
    'soap:Envelope': {
      '@_xmlns:soap': version === '1.2' ? SOAP_12_NAMESPACE : SOAP_11_NAMESPACE,
      'soap:Body': { [operation]: { '@_xmlns': namespace, ...(withoutNulls(content) as object) } },
    },
  };
  return DECLARATION + (builder.build(envelope) as string);
}

export type SoapAnswer = { readonly kind: 'body'; readonly body: Record<string, unknown> } | { readonly kind: 'fault'; readonly code: string; readonly reason: string };

const asRecord = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
const firstText = (value: unknown): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : typeof first === 'number' ? String(first) : '';
};

/** The body of a parsed SOAP 1.1 or 1.2 envelope, or its fault (code and string); null when it is not an envelope. */
export function readSoapEnvelope(document: Record<string, unknown>): SoapAnswer | null {
  const envelope = asRecord(document.Envelope);
  if (envelope === null || !('Body' in envelope)) return null;
  const body = asRecord(envelope.Body) ?? {};
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
