import { Worker } from "node:worker_threads";

// The worker's whole program: its own connection to the same file, checkpointing now and then. PASSIVE never
// waits for (or blocks) the app's writer; the next write transaction after a complete one restarts the WAL.
const PROGRAM = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
let reported = false;
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    if (!reported) parentPort.postMessage(String(error));
    reported = true;
  }
}, workerData.intervalMs);
`;

/**
 * Moves WAL checkpoints off the request thread. With the default auto-checkpoint, every ~35th order pays for
 * copying a thousand pages into the database and an fsync, on the event loop, stalling every request behind it
 * (the checkout's p99). The app's connection keeps a high auto-checkpoint as a safety net (see getDb).
 */
export function startBackgroundCheckpoints(file: string, onError: (message: string) => void, intervalMs = 500): Worker {
  const worker = new Worker(PROGRAM, { eval: true, workerData: { file, intervalMs } });
  worker.on("message", onError);
  worker.on("error", (error) => onError(String(error)));
  worker.unref();
  return worker;
}
