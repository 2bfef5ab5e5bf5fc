export { createApp } from './create-app';
export { updateApp } from './update-app';
export { deleteApp } from './delete-app';
export { getApp } from './get-app';
export { listApps } from './list-apps';
export { findAppOrThrow } from './find-app-or-throw';
