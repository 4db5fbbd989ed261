// Compiled by test/typescript.test.js: the package's declarations serve a strict TypeScript user.
import { load, kw, builtins, repr, add, HPyDebugError, traceCounts, buildExtension, include, registerModule } from '../..';
const m = load('./x.hpy0.so', { debug: false });
const r: string = repr([1, 2]);
const s = add(1, 2);
const k = kw({ a: 1 });
const out: string = buildExtension({ sources: ['a.c'], output: 'a.hpy0.so' });
const inc: string = include;
registerModule('x', {});
const t = traceCounts();
const n: number = t['HPy_Add'].calls;
void [m, r, s, k, out, inc, n, builtins, HPyDebugError];
