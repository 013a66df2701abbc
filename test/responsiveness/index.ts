// The mocha entry of the responsiveness suite: the same as the integration suite's (it runs the *.test.js
// beside it), opened on a generated archive by test/host/runResponsiveness.mjs.
export { run } from '../integration/index';
