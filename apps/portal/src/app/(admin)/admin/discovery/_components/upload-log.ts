import { ZDiscoveryImportResult, type TDiscoveryImportResult } from '@tollgate/contracts';

export interface UploadProgress {
  sent: number;
  total: number;
  /** Every byte is sent; the server is reading the file. */
  reading: boolean;
}

export type UploadOutcome = { ok: true; result: TDiscoveryImportResult } | { ok: false; error: string };

/** Where the console uploads a log (the session's admin, the raw file as the body). */
export const IMPORT_URL = '/admin/discovery/imports';

/**
 * Sends the file as the request body with XMLHttpRequest (fetch reports no upload
 * progress) and reads the summary or the problem+json back.
 */
export function uploadLog(file: File, onProgress: (progress: UploadProgress) => void, signal: AbortSignal): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${IMPORT_URL}?name=${encodeURIComponent(file.name.slice(0, 255))}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size, reading: false });
    request.upload.onload = () => onProgress({ sent: file.size, total: file.size, reading: true });
    request.onerror = () => resolve({ ok: false, error: 'The upload failed: check the connection and try again.' });
    request.onabort = () => resolve({ ok: false, error: 'The upload was cancelled.' });
    request.onload = () => resolve(outcomeOf(request.status, request.responseText));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

function outcomeOf(status: number, text: string): UploadOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: `The server answered ${status} without a readable body. Try again.` };
  }
  if (status === 201) {
    const result = ZDiscoveryImportResult.safeParse(body);
    return result.success ? { ok: true, result: result.data } : { ok: false, error: 'The server answered with an unexpected summary.' };
  }
  const problem = body as { detail?: string; title?: string };
  return { ok: false, error: problem.detail ?? problem.title ?? `The import failed (${status}).` };
}
