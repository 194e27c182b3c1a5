// Only the newest request counts: starting one aborts the one before, and an answer (or a
// failure) that arrives after a newer request started is dropped. The dashboard's runs, a
// dynamic filter's option searches and the portal's views all need exactly this.
import { isAbort } from './api.js';

/**
 * run(task, {onResult, onError, onSettled}): task(signal) is the request; onResult and onError
 * are called only while it is the newest, never for an abort; onSettled after either, likewise.
 * cancel(): aborts the pending request and drops its answer.
 */
export function latestOnly() {
  let seq = 0;
  let controller = null;

  function cancel() {
    seq += 1;
    if (controller) controller.abort();
    controller = null;
  }

  async function run(task, { onResult = () => {}, onError = () => {}, onSettled = () => {} } = {}) {
    cancel();
    const mine = seq;
    const own = new AbortController();
    controller = own;
    const newest = () => mine === seq;
    try {
      const value = await task(own.signal);
      if (newest()) onResult(value);
    } catch (e) {
      if (newest() && !isAbort(e)) onError(e);
    } finally {
      if (newest()) {
        controller = null;
        onSettled();
      }
    }
  }

  return { run, cancel };
}
