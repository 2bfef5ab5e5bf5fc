import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { PASSWORD_IS_EMAIL, passwordRepeatsEmail, ZNewPassword } from './password-policy';

/** An address as the accounts keep it: trimmed and lower-cased, so one person has one account. */
export const ZAccountEmail = z.string().trim().toLowerCase().max(320, 'must be at most 320 characters').pipe(z.email('must be an email address'));

/** The secret of a one-time link (base64url of 32 random bytes). */
export const ZLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a valid link');

export const ZSignUpRequest = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    email: ZAccountEmail,
    password: ZNewPassword,
    /** Signing up from a team invite: the address is proven by the invite, and the person joins that team. */
    inviteToken: ZLinkToken.optional(),
  })
  .superRefine((value, ctx) => {
    if (passwordRepeatsEmail(value.password, value.email)) ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_IS_EMAIL });
  });
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>;

export const ZVerifyEmailRequest = z.strictObject({ token: ZLinkToken });

/** Asks for a link by mail (verification again, or a password reset); the answer never says whether the address has an account. */
export const ZEmailOnlyRequest = z.strictObject({ email: ZAccountEmail });
export type TEmailOnlyRequest = z.infer<typeof ZEmailOnlyRequest>;

export const ZResetPasswordRequest = z.strictObject({ token: ZLinkToken, password: ZNewPassword });
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

export const ZTeamRoleName = z.enum(['owner', 'member']);
export type TTeamRoleName = z.infer<typeof ZTeamRoleName>;

export const ZInviteMemberRequest = z.strictObject({
  teamId: z.uuid(),
  email: ZAccountEmail,
  role: ZTeamRoleName.default('member'),
});
export type TInviteMemberRequest = z.infer<typeof ZInviteMemberRequest>;

export const ZAcceptInviteRequest = z.strictObject({ token: ZLinkToken });
export const ZLeaveTeamRequest = z.strictObject({ teamId: z.uuid() });
export const ZRemoveMemberRequest = z.strictObject({ teamId: z.uuid(), userId: z.uuid() });

export const SIGN_IN_LINK_MAX_TTL_SECONDS = 900;

/** A path on the portal itself: no scheme, no host, no `//` or `/\` that browsers read as another host. */
export const ZSameOriginPath = z
  .string()
  .max(2000)
  .refine((value) => /^\/(?![/\\])[^\s\\]*$/.test(value), 'must be a path on this portal, starting with a single /');

/** POST /api/admin/v1/teams/{slug}/sign-in-links */
export const ZCreateSignInLinkRequest = z.strictObject({
  email: ZAccountEmail,
  ttlSeconds: z.number().int().min(30).max(SIGN_IN_LINK_MAX_TTL_SECONDS, `must be at most ${SIGN_IN_LINK_MAX_TTL_SECONDS}`).default(300),
  redirectTo: ZSameOriginPath.default('/apps'),
});
export type TCreateSignInLinkRequest = z.infer<typeof ZCreateSignInLinkRequest>;

export const ZSignInLink = z.object({
  url: z.string(),
  expires_at: z.string(),
});
export type TSignInLink = z.infer<typeof ZSignInLink>;

export const ZTeamSlugParam = z.strictObject({ slug: ZSlug });

/** A team as its members see it on /team. */
export const ZTeamMemberView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZTeamRoleName,
  joinedAt: z.string(),
});
export type TTeamMemberView = z.infer<typeof ZTeamMemberView>;

export const ZMyTeam = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  partner: z.boolean(),
  myRole: ZTeamRoleName,
  members: z.array(ZTeamMemberView),
  pendingInvites: z.array(z.object({ id: z.string(), email: z.string(), role: ZTeamRoleName, expiresAt: z.string() })),
});
export type TMyTeam = z.infer<typeof ZMyTeam>;
