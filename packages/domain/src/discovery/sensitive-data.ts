/** What a sampled response looked like it held; only the kind is ever kept, never the data. */
export type SensitiveKind = 'email' | 'card' | 'token';
export const SENSITIVE_KINDS: readonly SensitiveKind[] = ['email', 'card', 'token'];

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/;
/** 13 to 19 digits, optionally grouped by single spaces or dashes, not inside a longer number. */
const CARD_CANDIDATE = /(?<![\d.])\d(?:[ -]?\d){12,18}(?![\d.])/g;
const TOKENS = [
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, // a JWT: base64url JSON header and payload
  /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/,
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/, // Stripe-style secret keys
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/, // GitHub tokens
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key ids
  /\btg_(?:live|test)_[A-Za-z0-9_]{20,}/, // Tollgate API keys
];

/** Luhn's checksum, as every payment card number passes it. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function hasCard(text: string): boolean {
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    // Card numbers start with 2-6; all one digit repeated is a placeholder, not a card.
    if (/^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && passesLuhn(digits)) return true;
  }
  return false;
}

/** The kinds of sensitive-looking data in a (JSON or text) response body. */
export function detectSensitiveData(text: string): SensitiveKind[] {
  const found: SensitiveKind[] = [];
  if (EMAIL.test(text)) found.push('email');
  if (hasCard(text)) found.push('card');
  if (TOKENS.some((pattern) => pattern.test(text))) found.push('token');
  return found;
}
