// `node:assert/strict` for the browser test bundle: the npm port of Node's assert module, strict mode.
import assertModule from 'assert';

const { strict } = assertModule;
export default strict;
export const { ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, rejects, doesNotReject, throws, doesNotThrow, fail } = strict;
