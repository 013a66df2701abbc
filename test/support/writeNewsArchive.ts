// `node --import tsx test/support/writeNewsArchive.ts FOLDER COUNT`: writes a generated news archive (see
// newsArchive.ts) into FOLDER and prints its figures as JSON (the test runners and benchmarks that open it).
import { writeArchive } from './newsArchive';

const [folder, count] = process.argv.slice(2);
if (!folder || !Number(count)) {
	console.error('usage: writeNewsArchive.ts FOLDER COUNT');
	process.exitCode = 2;
} else {
	void writeArchive(folder, Number(count)).then((stats) => console.log(JSON.stringify(stats)));
}
