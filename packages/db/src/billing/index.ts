export * from './billable-subscription';
export * from './close-due-statements';
export * from './list-statements';
export * from './load-period-usage';
export * from './refresh-open-statements';
export * from './to-csv';
export * from './write-statement';
export * from './run-billing-tick';
