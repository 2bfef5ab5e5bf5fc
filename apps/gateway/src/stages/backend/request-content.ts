import { TollgateError } from '@tollgate/errors';
import type { GatewayContext } from '../../pipeline/context';
import { readRequestBody, type BodyLimits } from '../forward/request-body';
import { badElementName, parseXml, XmlRefused } from './xml-mapping';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const XML_TYPE = /^(?:application|text)\/(?:[\w.+-]+\+)?xml\s*(?:;|$)/i;

/**
 * What an XML or SOAP request element holds, from the incoming request: the path
 * parameters, then the query parameters (never `api_key`), then the body's members (a
 * JSON object, or the content of an XML document's root element). Every key must be an
 * XML element name (400 invalid_params naming it); an XML body with a declaration is
 * refused (400 unsafe_xml) before it is parsed.
 */
export async function requestContent(ctx: GatewayContext, limits: BodyLimits): Promise<Record<string, unknown>> {
  const content: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(ctx.params)) if (name !== '*' && value !== undefined) content[name] = value;
  for (const [name, value] of new URLSearchParams(ctx.query)) if (name !== 'api_key') content[name] = value;
  const read = ctx.requestBody ?? (await readRequestBody(ctx.req, limits));
  const body = read.body;
  if (body !== null && !Buffer.isBuffer(body)) throw new TollgateError('payload_too_large', { detail: 'The request body is too large to convert.' });
  if (body !== null && body.length > 0) Object.assign(content, parseBody(ctx.req.headers['content-type'] ?? '', body));
  const bad = badElementName(content);
  if (bad !== null) throw new TollgateError('invalid_params', { detail: `"${bad}" cannot be an XML element name.`, invalidParams: [{ name: bad, reason: 'must be letters, digits, dots, dashes or underscores, not starting with a digit or "xml"' }] });
  return content;
}

function parseBody(contentType: string, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (XML_TYPE.test(contentType)) {
    let document: Record<string, unknown>;
    try {
      document = parseXml(text);
    } catch (error) {
      if (error instanceof XmlRefused && error.reason === 'declaration') throw new TollgateError('unsafe_xml', { detail: 'XML with a document type or entity declaration is refused.' });
      throw new TollgateError('bad_request', { detail: 'The request body is not well-formed XML.', internal: (error as Error).message });
    }
    const root = Object.values(document)[0];
    return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  }
  if (JSON_TYPE.test(contentType) || contentType === '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TollgateError('bad_request', { detail: 'The request body is not JSON.' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TollgateError('bad_request', { detail: 'The request body must be a JSON object.' });
    return parsed as Record<string, unknown>;
  }
  throw new TollgateError('unsupported_media_type', { detail: 'Send the request body as JSON (application/json) or XML (application/xml).' });
}
