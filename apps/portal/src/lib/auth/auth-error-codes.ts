// Error codes next-auth carries from authorize() to the sign-in pages (as `error`), beside its own.

/** The password was right, but the person has not followed their verification link yet. */
export const EMAIL_NOT_VERIFIED = 'EmailNotVerified';

/** A one-time sign-in link that was used before, has expired, or never existed. */
export const SIGN_IN_LINK_ERRORS = { used: 'SignInLinkUsed', expired: 'SignInLinkExpired', unknown: 'SignInLinkInvalid' } as const;

/** GitHub or OIDC vouched for an address whose account signs in with a password: it is not taken over. */
export const EXTERNAL_ACCOUNT_EXISTS = 'ExternalAccountExists';

/** GitHub or OIDC led to an admin account, which signs in only with its password. */
export const EXTERNAL_ADMIN_REFUSED = 'ExternalAdminRefused';
