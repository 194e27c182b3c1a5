import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestOnly } from '../../main/resources/viewer/assets/js/latest.js';

/** A request that answers (or fails) when the test says, and rejects with AbortError when aborted. */
function pending() {
  const request = {};
  request.task = (signal) => new Promise((resolve, reject) => {
    request.signal = signal;
    request.answer = resolve;
    request.fail = reject;
    signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  });
  return request;
}

function recorder() {
  const seen = [];
  return {
    seen,
    handlers: (name) => ({
      onResult: (value) => seen.push(`${name} result ${value}`),
      onError: (e) => seen.push(`${name} error ${e.message}`),
      onSettled: () => seen.push(`${name} settled`),
    }),
  };
}

test('the newest answer is taken', async () => {
  const latest = latestOnly();
  const { seen, handlers } = recorder();
  const one = pending();
  const done = latest.run(one.task, handlers('one'));
  one.answer('A');
  await done;
  assert.deepEqual(seen, ['one result A', 'one settled']);
  assert.equal(one.signal.aborted, false);
});

test('a newer request aborts the one before, whose answer is dropped', async () => {
  const latest = latestOnly();
  const { seen, handlers } = recorder();
  const one = pending();
  const two = pending();
  const first = latest.run(one.task, handlers('one'));
  const second = latest.run(two.task, handlers('two'));
  assert.equal(one.signal.aborted, true);
  assert.equal(two.signal.aborted, false);
  two.answer('B');
  await Promise.all([first, second]);
  assert.deepEqual(seen, ['two result B', 'two settled']);
});

test('a stale answer that arrives after a newer request started is dropped even when it was not aborted', async () => {
  const latest = latestOnly();
  const { seen, handlers } = recorder();
  let answerOld;
  // A task that ignores its signal, as a finished fetch does.
  const first = latest.run(() => new Promise((resolve) => { answerOld = resolve; }), handlers('old'));
  const two = pending();
  const second = latest.run(two.task, handlers('new'));
  answerOld('stale');
  await first;
  assert.deepEqual(seen, []);
  two.answer('fresh');
  await second;
  assert.deepEqual(seen, ['new result fresh', 'new settled']);
});

test('a failure of the newest request is reported, a stale one is not', async () => {
  const latest = latestOnly();
  const { seen, handlers } = recorder();
  let failOld;
  const first = latest.run(() => new Promise((resolve, reject) => { failOld = reject; }), handlers('old'));
  const two = pending();
  const second = latest.run(two.task, handlers('new'));
  failOld(new Error('late'));
  two.fail(new Error('refused'));
  await Promise.all([first, second]);
  assert.deepEqual(seen, ['new error refused', 'new settled']);
});

test('cancel aborts the pending request and drops its answer', async () => {
  const latest = latestOnly();
  const { seen, handlers } = recorder();
  const one = pending();
  const done = latest.run(one.task, handlers('one'));
  latest.cancel();
  assert.equal(one.signal.aborted, true);
  await done;
  assert.deepEqual(seen, []);
});

test('a failure while handling the answer is reported as the request failing', async () => {
  const latest = latestOnly();
  const seen = [];
  await latest.run(async () => 'A', {
    onResult: () => { throw new Error('cannot draw'); },
    onError: (e) => seen.push(e.message),
  });
  assert.deepEqual(seen, ['cannot draw']);
});
