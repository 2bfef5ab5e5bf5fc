export { createAdminUser } from './create-admin-user';
export { updateAdminUser } from './update-admin-user';
export { removeAdminUser } from './remove-admin-user';
export { getAdminUser } from './get-admin-user';
export { listAdminUsers } from './list-admin-users';
