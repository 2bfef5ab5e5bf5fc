export { createPlan } from './create-plan';
export { updatePlan } from './update-plan';
export { deletePlan } from './delete-plan';
export { getPlan } from './get-plan';
export { listPlans } from './list-plans';
