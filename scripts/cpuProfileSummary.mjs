// Summarises a .cpuprofile (V8's format, as `node --cpu-prof` or the inspector writes it): the functions with the
// most self time, and a timeline of how busy the thread was in each stretch, with what ran most in it.
// Usage: node scripts/cpuProfileSummary.mjs FILE.cpuprofile [--bucket MS] [--top N] [--from S] [--to S]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(name);
	return at >= 0 ? Number(args[at + 1]) : fallback;
};
const file = args.find((arg) => arg.endsWith('.cpuprofile'));
if (!file) {
	console.error('usage: node scripts/cpuProfileSummary.mjs FILE.cpuprofile [--bucket MS] [--top N] [--from S] [--to S]');
	process.exit(2);
}
const bucketMs = option('--bucket', 250);
const top = option('--top', 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (node) => {
	const { functionName, url, lineNumber } = node.callFrame;
	const where = url ? `${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}` : '';
	return `${functionName || '(anonymous)'} ${where}`.trim();
};
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
// Our own code: the nearest frame of the extension's bundle on the stack, else the frame itself.
const ours = (id) => {
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const node = nodes.get(at);
		if (/dist\/(extension|entityIndexWorker)\.js/.test(node.callFrame.url)) return `ours: ${label(node)}`;
	}
	return label(nodes.get(id));
};
const from = option('--from', 0) * 1e6;
const to = option('--to', Infinity) * 1e6;
const self = new Map();
const oursSelf = new Map();
const buckets = [];
let t = profile.startTime;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0;
	t += dt;
	const at = t - profile.startTime;
	if (at < from || at > to) return;
	const node = nodes.get(id);
	const name = node.callFrame.functionName;
	const key = label(node);
	self.set(key, (self.get(key) ?? 0) + dt);
	const bucket = Math.floor(at / 1000 / bucketMs);
	buckets[bucket] ??= { busy: 0, gc: 0, what: new Map() };
	if (name === '(garbage collector)') buckets[bucket].gc += dt;
	if (!idle.has(name)) {
		buckets[bucket].busy += dt;
		const who = ours(id);
		oursSelf.set(who, (oursSelf.get(who) ?? 0) + dt);
		buckets[bucket].what.set(who, (buckets[bucket].what.get(who) ?? 0) + dt);
	}
});
const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
console.log(`${file}: ${((t - profile.startTime) / 1e6).toFixed(2)} s profiled`);
console.log('\nself time (top):');
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us).padStart(8)}  ${key}`);
console.log('\nby the nearest frame of our bundle on the stack, else the frame itself (busy only):');
for (const [key, us] of [...oursSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us).padStart(8)}  ${key}`);
console.log(`\ntimeline (${bucketMs} ms buckets: busy, gc, what ran most):`);
buckets.forEach((bucket, i) => {
	if (!bucket) return;
	const main = [...bucket.what].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([key, us]) => `${key} ${ms(us)}`).join('; ');
	console.log(`  ${((i * bucketMs) / 1000).toFixed(2).padStart(6)} s  busy ${ms(bucket.busy).padStart(7)}  gc ${ms(bucket.gc).padStart(6)}  ${main}`);
});
