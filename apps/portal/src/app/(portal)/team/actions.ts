'use server';

import { ZAcceptInviteRequest, ZInviteMemberRequest, ZLeaveTeamRequest, ZRemoveMemberRequest } from '@tollgate/contracts';
import { acceptInvite, inviteMember, leaveTeam, removeMember } from '@tollgate/operations';
import { revalidatePath } from 'next/cache';
import { publicOrigin } from '@/lib/public-origin';
import { developerActionClient } from '@/lib/safe-action';
import { accountLink, inviteMail } from '@/server/accounts/account-mail';
import { sendAccountMail } from '@/server/accounts/send-account-mail';

/** An owner invites an address; the invite link goes out by mail and is never shown here. */
export const inviteMemberAction = developerActionClient.inputSchema(ZInviteMemberRequest).action(async ({ parsedInput, ctx }) => {
  const invite = await ctx.run(inviteMember, parsedInput);
  await sendAccountMail(inviteMail(invite.email, invite.team.name, ctx.user.name || ctx.user.email, accountLink(await publicOrigin(), '/invite', invite.link.token)));
  revalidatePath('/team');
  return { email: invite.email };
});

export const acceptInviteAction = developerActionClient.inputSchema(ZAcceptInviteRequest).action(async ({ parsedInput, ctx }) => {
  const { team } = await ctx.run(acceptInvite, parsedInput);
  revalidatePath('/team');
  return team;
});

export const leaveTeamAction = developerActionClient.inputSchema(ZLeaveTeamRequest).action(async ({ parsedInput, ctx }) => {
  await ctx.run(leaveTeam, parsedInput);
  revalidatePath('/team');
  return parsedInput;
});

export const removeMemberAction = developerActionClient.inputSchema(ZRemoveMemberRequest).action(async ({ parsedInput, ctx }) => {
  await ctx.run(removeMember, parsedInput);
  revalidatePath('/team');
  return parsedInput;
});
