/**
 * Explain whole datasets. A job is one image explained with one configuration (method, explain's
 * options, model), keyed by the image's path relative to the input root and the configuration's
 * hash; its result is a float32 `.npy` map, an optional overlay and a JSON record written last,
 * each atomically, so that a job is either complete or absent and a re-run resumes where any
 * interruption left off. Jobs run in a pool of local worker processes (`runLocalPool`) or
 * through a BullMQ queue on Redis, on as many machines as share the files.
 *
 * @packageDocumentation
 */
export { createJobRunner } from './execute/createJobRunner.js';
export { executeJob } from './execute/executeJob.js';
export { appendAttempt } from './execute/appendAttempt.js';
export type { JobContext } from './execute/JobContext.js';
export type { JobOutcome } from './execute/JobOutcome.js';
export type { JobRunner } from './execute/JobRunner.js';
export type { IndexEntry } from './index/IndexEntry.js';
export { writeDatasetIndex } from './index/writeDatasetIndex.js';
export type { DatasetImage } from './input/DatasetImage.js';
export type { DatasetInput } from './input/DatasetInput.js';
export { imageExtensions } from './input/imageExtensions.js';
export { listDatasetInput } from './input/listDatasetInput.js';
export { canonicalJson } from './job/canonicalJson.js';
export { configId } from './job/configId.js';
export { createJobs } from './job/createJobs.js';
export type { DatasetJob } from './job/DatasetJob.js';
export type { DatasetJobData } from './job/DatasetJobData.js';
export type { ImageTarget } from './job/ImageTarget.js';
export type { JobConfig } from './job/JobConfig.js';
export type { JobOptionValue } from './job/JobOptionValue.js';
export type { JobOutputs } from './job/JobOutputs.js';
export { methodFilePart } from './job/methodFilePart.js';
export { modelIdentity } from './job/modelIdentity.js';
export { datasetFaithfulnessReport } from './metrics/datasetFaithfulnessReport.js';
export { digestFile } from './output/digestFile.js';
export { explanationRecord } from './output/explanationRecord.js';
export type { FileDigest } from './output/FileDigest.js';
export { jobFiles } from './output/jobFiles.js';
export type { JobMetrics } from './output/JobMetrics.js';
export type { JobRecord } from './output/JobRecord.js';
export { readCompleteRecord } from './output/readCompleteRecord.js';
export { removeStaleTemporaries } from './output/removeStaleTemporaries.js';
export { temporaryName } from './output/temporaryName.js';
export { writeFileAtomic } from './output/writeFileAtomic.js';
export { writeJobResult } from './output/writeJobResult.js';
export type { LocalPoolOptions } from './pool/LocalPoolOptions.js';
export type { PoolSummary } from './pool/PoolSummary.js';
export { runLocalPool } from './pool/runLocalPool.js';
export { serveLocalWorker } from './pool/serveLocalWorker.js';
export type { FromWorkerMessage } from './pool/FromWorkerMessage.js';
export type { ToWorkerMessage } from './pool/ToWorkerMessage.js';
export { configurationErrorKinds } from './retry/configurationErrorKinds.js';
export { describeFailure } from './retry/describeFailure.js';
export type { JobFailure } from './retry/JobFailure.js';
export { transientErrorKinds } from './retry/transientErrorKinds.js';
export { connectRedis } from './queue/connectRedis.js';
export { enqueueJobs } from './queue/enqueueJobs.js';
export { obliterateQueue } from './queue/obliterateQueue.js';
export { parseQueueFailure } from './queue/parseQueueFailure.js';
export type { QueueCounts } from './queue/QueueCounts.js';
export { readQueueCounts } from './queue/readQueueCounts.js';
export { queueFailureReason } from './queue/queueFailureReason.js';
export { queueJobId } from './queue/queueJobId.js';
export type { QueueProgress } from './queue/QueueProgress.js';
export type { QueueWorker } from './queue/QueueWorker.js';
export type { QueueWorkerOptions } from './queue/QueueWorkerOptions.js';
export { startQueueWorker } from './queue/startQueueWorker.js';
export { waitForQueuedJobs } from './queue/waitForQueuedJobs.js';
