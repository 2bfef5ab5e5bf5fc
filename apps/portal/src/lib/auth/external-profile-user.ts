/** What an identity provider's profile becomes before the signIn callback swaps it for the portal account. */
export interface ExternalProfileUser {
  /** The provider's stable id for the person (next-auth's `providerAccountId`). */
  id: string;
  /** Null unless the provider vouches for the address. */
  email: string | null;
  name: string;
  role: 'developer';
}
