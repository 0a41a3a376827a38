/**
 * One Chromium for the whole browser group: started once before the first file, and each file
 * connects to it (its `close()` then closes only that file's contexts). Starting Chromium and its
 * first page costs a second or more; the group has two dozen files.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

export default async function startChromium(project: TestProject) {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
