import type { ApiReferenceReact } from '@scalar/api-reference-react';

/** One document's configuration, as the React wrapper takes it. */
export type ScalarConfiguration = Exclude<Parameters<typeof ApiReferenceReact>[0]['configuration'], readonly unknown[]>;

/** The name the key's security scheme has in the document the reference renders. */
export const KEY_SCHEME = 'tollgateApiKey';

const SANS = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MONO = "ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', monospace";

export type ReferenceOptions = {
  document: Record<string, unknown>;
  /** The gateway's public URL plus the API's base path: the one server requests go to. */
  serverUrl: string;
  /** The key the developer pasted for this page, or '' (kept in memory only). */
  apiKey: string;
  dark: boolean;
};

/**
 * The document as the gateway serves it: every operation takes the gateway's API key in the
 * X-Api-Key header (the document's own schemes stay, for operations that name them).
 */
export function withGatewayKey(document: Record<string, unknown>): Record<string, unknown> {
  const components = (typeof document.components === 'object' && document.components !== null ? document.components : {}) as Record<string, unknown>;
  const schemes = (typeof components.securitySchemes === 'object' && components.securitySchemes !== null ? components.securitySchemes : {}) as Record<string, unknown>;
  return {
    ...document,
    components: { ...components, securitySchemes: { ...schemes, [KEY_SCHEME]: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Your Tollgate API key.' } } },
    security: [{ [KEY_SCHEME]: [] }],
  };
}

/**
 * Scalar configured to work offline and keep nothing: no web fonts, telemetry, agent, MCP or
 * developer tools, no proxy (try-it requests go straight to the gateway, which answers the
 * portal's CORS), and the key never persisted in the browser.
 */
export function referenceConfiguration(options: ReferenceOptions): ScalarConfiguration {
  return {
    content: withGatewayKey(options.document),
    servers: [{ url: options.serverUrl, description: 'Tollgate gateway' }],
    proxyUrl: '',
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: 'never',
    persistAuth: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    hideClientButton: true,
    hideDarkModeToggle: true,
    forceDarkModeState: options.dark ? 'dark' : 'light',
    documentDownloadType: 'none',
    hiddenClients: true,
    externalUrls: { dashboardUrl: '', registryUrl: '', proxyUrl: '', apiBaseUrl: '' },
    authentication: {
      preferredSecurityScheme: KEY_SCHEME,
      securitySchemes: { [KEY_SCHEME]: { value: options.apiKey } },
    },
    customCss: `.scalar-app { --scalar-font: ${SANS}; --scalar-font-code: ${MONO}; }`,
  };
}
