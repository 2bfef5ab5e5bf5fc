export { createRoute } from './create-route';
export { updateRoute } from './update-route';
export { deleteRoute } from './delete-route';
export { getRoute } from './get-route';
export { listRoutes } from './list-routes';
