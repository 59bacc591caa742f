// The worker process that `polycam dataset explain` forks, once per worker: argv[2] is its thread
// count. It serves jobs over the IPC channel (see serveLocalWorker in @polycam/dataset).
import { createJobRunner, serveLocalWorker } from '@polycam/dataset';
import { openJobContext } from './openJobContext.js';

const threads = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
serveLocalWorker(createJobRunner((config) => openJobContext(config, threads, (line) => process.stderr.write(`polycam: warning: ${line}\n`))));
