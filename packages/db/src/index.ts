export * from './client.ts';
export * from './dashboard.ts';
export * from './results.ts';
export * from './revision.ts';
export * from './rollup.ts';
export * as schema from './schema.ts';
export { DEMO_AS_OF, DEMO_ORGANISATION, type DemoSeed, seedDemo } from './seed/demo.ts';
