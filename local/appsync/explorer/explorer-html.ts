// The explorer's HTML shell. Everything it loads comes from this server: the script and styles are
// bundled from node_modules, and the empty data: icon stops the browser asking for /favicon.ico.

export const EXPLORER_SCRIPT_PATH = '/explorer/app.js';
export const EXPLORER_STYLES_PATH = '/explorer/app.css';
export const EXPLORER_CONFIG_PATH = '/explorer/config.json';

export function explorerHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Outpost Local · GraphQL explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${EXPLORER_STYLES_PATH}" />
  </head>
  <body>
    <div id="root"></div>
    <script src="${EXPLORER_SCRIPT_PATH}"></script>
  </body>
</html>
`;
}
