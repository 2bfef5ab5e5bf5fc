export type CodeSampleRequest = {
  /** The gateway's public URL and the API's base path, e.g. https://gw.example.com/weather. */
  baseUrl: string;
  method: string;
  /** The operation's path after the base path (`/forecast/{city}`), or '' for the base path itself. */
  path: string;
  /** The key's secret, or a placeholder that says which key to put there. */
  key: string;
};

export type CodeSamples = { curl: string; javascript: string; python: string };

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** `{city}` becomes `CITY`: a visible blank to fill in that no shell or URL parser reads as syntax. */
function fillPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase());
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;
/** A JSON string is a valid JavaScript and Python string literal too. */
const literal = (value: string) => JSON.stringify(value);

/** The same call in curl, JavaScript fetch and Python requests, with the key in the X-Api-Key header. */
export function buildCodeSamples(request: CodeSampleRequest): CodeSamples {
  const url = `${request.baseUrl}${fillPath(request.path)}`;
  const method = request.method.toUpperCase();
  const body = WITH_BODY.has(method);
  const curl = [
    `curl${method === 'GET' ? '' : ` -X ${method}`} ${shellQuote(url)}`,
    `  -H ${shellQuote(`X-Api-Key: ${request.key}`)}`,
    ...(body ? [`  -H 'Content-Type: application/json'`, `  -d '{}'`] : []),
  ].join(' \\\n');
  const javascript = [
    `const response = await fetch(${literal(url)}, {`,
    `  method: ${literal(method)},`,
    `  headers: { 'X-Api-Key': ${literal(request.key)}${body ? ", 'Content-Type': 'application/json'" : ''} },`,
    ...(body ? ['  body: JSON.stringify({}),'] : []),
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
  const python = [
    'import requests',
    '',
    `response = requests.request(${literal(method)}, ${literal(url)}, headers={"X-Api-Key": ${literal(request.key)}}${body ? ', json={}' : ''})`,
    'print(response.status_code, response.text)',
  ].join('\n');
  return { curl, javascript, python };
}
