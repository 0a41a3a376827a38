export * from './cells.ts';
export * from './entry-layout.ts';
export * from './entry-reader.ts';
export * from './entry-template.ts';
export * from './zip.ts';
