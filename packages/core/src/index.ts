export * from './access.ts';
export * from './dates.ts';
export * from './entry.ts';
export * from './errors.ts';
export * from './format.ts';
export * from './measures.ts';
export * from './status.ts';
export * from './workflow.ts';
