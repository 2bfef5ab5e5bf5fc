import type { TSoapBackend, TXmlBackend } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { AdmissionPolicy } from '../../adapters/upstream/connection-admission';
import type { UpstreamBalancer } from '../../adapters/upstream/upstream-balancer';
import type { GatewayContext } from '../../pipeline/context';
import { forwardHeaders } from '../forward/forward-headers';
import type { CompiledHeaderTransform } from '../forward/header-transform';
import type { BodyLimits } from '../forward/request-body';
import { noHealthyTarget } from '../forward/send-upstream';
import { upstreamPath, type UpstreamPathConfig } from '../forward/upstream-path';
import { requestContent } from './request-content';
import { ClientGone, clientGone, requestSignal } from './request-signal';
import { callUpstream, type CallAnswer } from './upstream-call';
import { buildSoapEnvelope, buildXmlDocument, parseXml, readSoapEnvelope, XmlRefused } from './xml-mapping';

export interface XmlConfig {
  readonly kind: 'xml' | 'soap';
  readonly backend: TXmlBackend | TSoapBackend;
  readonly upstream: UpstreamBalancer | null;
  readonly deadlineMs: number;
  /** The route's body limit; the whole body is read (it is converted, never streamed). */
  readonly body: BodyLimits;
  readonly path: UpstreamPathConfig;
  readonly requestHeaders: CompiledHeaderTransform | null;
  readonly admission: AdmissionPolicy;
  readonly maxAnswerBytes: number;
}

/** Headers this backend sets itself: the client's values would describe a body that is not the one sent. */
const REPLACED = new Set(['content-type', 'content-length', 'accept', 'accept-encoding', 'soapaction']);
const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/**
 * A JSON face on an XML upstream. The request element is built from the path
 * parameters, the query and the body (JSON or XML); SOAP wraps it in a 1.1 or 1.2
 * envelope with the operation's action. The XML answer comes back as JSON; a SOAP fault
 * becomes 502 upstream_fault with the fault's code and string.
 */
export async function runXmlBackend(ctx: GatewayContext, config: XmlConfig): Promise<void> {
  if (config.upstream === null) throw noHealthyTarget();
  const content = await requestContent(ctx, config.body);
  const backend = config.backend;
  const headers = forwardHeaders(ctx, config.requestHeaders);
  const kept: string[] = [];
  for (let i = 0; i < headers.length; i += 2) if (!REPLACED.has(headers[i]!.toLowerCase())) kept.push(headers[i]!, headers[i + 1]!);
  let method = ctx.req.method === 'HEAD' ? 'GET' : ctx.req.method!;
  let path = upstreamPath(ctx, config.path, '');
  let body: string | null = null;
  if (backend.kind === 'soap') {
    method = 'POST';
    // The query went into the operation element; a SOAP endpoint is one fixed URL.
    path = path.split('?')[0]!;
    body = buildSoapEnvelope(backend.version, backend.operation, backend.namespace, content);
    kept.push(...soapHeaders(backend));
  } else {
    if (!BODYLESS.has(method)) body = buildXmlDocument(backend.root, backend.namespace, content);
    kept.push('accept', 'application/xml, text/xml');
    if (body !== null) kept.push('content-type', 'application/xml; charset=utf-8');
  }
  const watch = requestSignal(ctx, config.deadlineMs);
  let answer: CallAnswer;
  try {
    answer = await callUpstream(
      config.upstream,
      { method: method as 'POST', path, headers: kept, body: body === null ? null : Buffer.from(body), signal: watch.signal, maxAnswerBytes: config.maxAnswerBytes },
      { consumer: ctx.principal?.app.id ?? null, address: ctx.clientIp, admission: config.admission },
    );
  } catch (error) {
    throw error instanceof ClientGone ? clientGone(ctx) : error;
  } finally {
    watch.done();
  }
  if (backend.kind === 'soap') return answerSoap(ctx, answer);
  const document = answer.body.length === 0 ? null : readUpstreamXml(answer);
  sendJson(ctx, answer.status, document);
}

function soapHeaders(backend: TSoapBackend): string[] {
  if (backend.version === '1.2') {
    const action = backend.action === undefined ? '' : `; action="${backend.action}"`;
    return ['content-type', `application/soap+xml; charset=utf-8${action}`, 'accept', 'application/soap+xml'];
  }
  return ['content-type', 'text/xml; charset=utf-8', 'soapaction', `"${backend.action ?? `${backend.namespace.replace(/\/$/, '')}/${backend.operation}`}"`, 'accept', 'text/xml'];
}

function answerSoap(ctx: GatewayContext, answer: CallAnswer): void {
  const envelope = readSoapEnvelope(readUpstreamXml(answer));
  if (envelope === null) throw new TollgateError('upstream_failed', { detail: 'The upstream did not answer with a SOAP envelope.' });
  if (envelope.kind === 'fault') {
    throw new TollgateError('upstream_fault', {
      detail: `The upstream answered with a SOAP fault: ${envelope.code}: ${envelope.reason}`,
      extensions: { faultCode: envelope.code, faultString: envelope.reason },
    });
  }
  if (answer.status < 200 || answer.status > 299) throw new TollgateError('upstream_failed', { detail: `The upstream answered ${answer.status}.` });
  sendJson(ctx, 200, envelope.body);
}

/** The upstream's XML, parsed; its declarations are refused as the client's are. */
function readUpstreamXml(answer: CallAnswer): Record<string, unknown> {
  try {
    return parseXml(answer.body.toString('utf8'));
  } catch (error) {
    const why = error instanceof XmlRefused && error.reason === 'declaration' ? 'XML with a document type or entity declaration, which is refused' : 'a body that is not well-formed XML';
    throw new TollgateError('upstream_failed', { detail: `The upstream answered with ${why}.`, internal: (error as Error).message });
  }
}

function sendJson(ctx: GatewayContext, status: number, value: unknown): void {
  const body = value === null ? '' : JSON.stringify(value);
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(body), 'x-request-id': ctx.requestId };
  if (body !== '') headers['content-type'] = 'application/json; charset=utf-8';
  ctx.res.writeHead(status, headers);
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
}
