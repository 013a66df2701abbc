// The mocha entry of the packaged-extension suite: the same as the integration suite's (it runs the *.test.js
// beside it), in a code-server where test/host/runVsix.mjs installed the .vsix with --install-extension.
export { run } from '../integration/index';
