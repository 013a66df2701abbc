// `node --import tsx test/support/writeNewsArchive.ts FOLDER COUNT`: writes a generated news archive (see
// newsArchive.ts) into FOLDER and prints its figures as JSON (the test runners and benchmarks that open it).
// `--temp KIND` for FOLDER: the temporary folder named after KIND, COUNT and the generator (see archiveFolder), so that
// runs of different generators never share one; its path is the figures' `folder`.
import { archiveFolder, latestArchiveVersion, writeArchive } from './newsArchive';

const [first, second, third] = process.argv.slice(2);
const [folder, count] = first === '--temp' && second ? [archiveFolder(second, Number(third), latestArchiveVersion), third] : [first, second];
if (!folder || !Number(count)) {
	console.error('usage: writeNewsArchive.ts FOLDER COUNT, or --temp KIND COUNT');
	process.exitCode = 2;
} else {
	void writeArchive(folder, Number(count)).then((stats) => console.log(JSON.stringify(stats)));
}
