export { getUpstream, upstreamEtag, upstreamConfig, type TUpstreamConfig } from './get-upstream';
export { updateUpstream } from './update-upstream';
export { checkTargetHosts, targetHostName } from './check-target-hosts';
