export { createJwtIssuer } from './create-jwt-issuer';
export { updateJwtIssuer } from './update-jwt-issuer';
export { deleteJwtIssuer } from './delete-jwt-issuer';
export { getJwtIssuer } from './get-jwt-issuer';
export { listJwtIssuers } from './list-jwt-issuers';
