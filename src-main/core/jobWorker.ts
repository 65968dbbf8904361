import { serveJobs } from './foundation/workerSide';
import { wireDomains } from './wiring';
import { WORKER_JOBS } from './workerJobs';

// The job worker's entry (see workerJobs.ts): the same wiring as the server, then the job table.
wireDomains();
serveJobs(WORKER_JOBS);
