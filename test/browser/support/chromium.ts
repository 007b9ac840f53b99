// Debian's chromium driven by playwright-core (nothing downloaded); screenshots land in test-output/screenshots.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchHeadlessChromium } from '../../../scripts/headlessChromium.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

export const launchChromium = (): Promise<Browser> => launchHeadlessChromium();

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the console page has drawn itself from the ops API. */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForSelector('#page-root[data-ready="true"]');
}
