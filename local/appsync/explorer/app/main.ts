// The explorer's browser entry, bundled by esbuild (see ../build-explorer-assets.ts).
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExplorerConfig } from '../explorer-config';
import { EXPLORER_CONFIG_PATH } from '../explorer-html';
import { browserDocument } from './browser';
import { ExplorerApp } from './explorer-app';

/** The page cannot start: its markup or its config is missing. */
class ExplorerStartError extends Error {
  override readonly name = 'ExplorerStartError';
}

async function loadConfig(): Promise<ExplorerConfig> {
  const response = await fetch(EXPLORER_CONFIG_PATH);
  if (!response.ok) throw new ExplorerStartError(`GET ${EXPLORER_CONFIG_PATH} answered HTTP ${response.status}.`);
  return (await response.json()) as ExplorerConfig;
}

async function start(): Promise<void> {
  const container = browserDocument().getElementById('root');
  if (container === null) throw new ExplorerStartError('The explorer page has no #root element.');
  const root = createRoot(container);
  try {
    root.render(h(ExplorerApp, { config: await loadConfig() }));
  } catch (error) {
    root.render(h('p', { role: 'alert' }, `The explorer cannot start: ${error instanceof Error ? error.message : String(error)}`));
    throw error;
  }
}

// The page has shown what it can; the full error, with its stack, goes to the browser console.
start().catch((error: unknown) => console.error('Outpost explorer failed to start:', error));
