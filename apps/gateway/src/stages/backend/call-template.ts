import { parseCallTemplate, type TCallTemplatePart } from '@tollgate/contracts';
import type { GatewayContext } from '../../pipeline/context';

/** What placeholders read from the incoming request. */
export interface TemplateSource {
  readonly ctx: GatewayContext;
  /** The request's query, parsed once per request (null: no placeholder reads it). */
  readonly query: URLSearchParams | null;
}

export type CompiledTemplate = readonly TCallTemplatePart[];

/** Parses a template stored with the route (validated when written; a bad one is kept as literal text). */
export function compileTemplate(template: string): CompiledTemplate {
  const parts = parseCallTemplate(template);
  return typeof parts === 'string' ? [template] : parts;
}

export const readsQuery = (template: CompiledTemplate) => template.some((part) => typeof part === 'object' && part.from === 'query');

/**
 * Fills a template from the request: path parameters, query parameters (the first value),
 * the consumer's id (the calling app's slug, '' when anonymous). A missing value is ''.
 * `encode` percent-encodes each value as one path segment (`.` and `..` too, so a value
 * can never climb out of the path the route names).
 */
export function fillCallTemplate(template: CompiledTemplate, source: TemplateSource, encode: boolean): string {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = part.from === 'consumer' ? (source.ctx.principal?.app.slug ?? '') : part.from === 'params' ? (source.ctx.params[part.name] ?? '') : (source.query?.get(part.name) ?? '');
    out += encode ? encodeSegment(value) : value;
  }
  return out;
}

function encodeSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%2E') : encoded;
}
