export { listBillingEstimates, type BillingEstimate } from './list-billing-estimates';
export { getTeamStatement, listTeamStatements } from './list-team-statements';
