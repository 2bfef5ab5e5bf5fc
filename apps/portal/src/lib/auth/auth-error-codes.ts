// Error codes next-auth carries from authorize() to the sign-in pages (as `error`), beside its own.

/** The password was right, but the person has not followed their verification link yet. */
export const EMAIL_NOT_VERIFIED = 'EmailNotVerified';

/** A one-time sign-in link that was used before, has expired, or never existed. */
export const SIGN_IN_LINK_ERRORS = { used: 'SignInLinkUsed', expired: 'SignInLinkExpired', unknown: 'SignInLinkInvalid' } as const;
