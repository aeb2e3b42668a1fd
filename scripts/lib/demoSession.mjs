// What `npm run demo` serves, shared with the UI test that checks the first screen: the welcome article
// open at its top, the Source Annotator views beside it.
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from './codeServerRun.mjs';

/** The article written to greet a new user: every kind of highlight, what to hover, what to try. */
export const WELCOME_ARTICLE = 'Welcome to Source Annotator.txt';

/** User settings of the demo profile. */
export const DEMO_SETTINGS = {
  'sourceAnnotator.showViewsOnStart': true,
};

/** The address that opens `folder` with the welcome article in the editor. */
export function demoUrl(serverUrl, folder) {
  return workbenchUrl(serverUrl, folder, [
    ['openFile', `${remoteUri(serverUrl, join(folder, WELCOME_ARTICLE))}:1:1`],
    ['gotoLineMode', 'true'],
    ['skipWelcome', 'true'],
  ]);
}
