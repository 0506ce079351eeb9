// Plan requests, latest wins: at most one is with the worker; whatever is asked meanwhile
// becomes a single request, built from the newest form when the one in flight answers, and
// the answer to an out-of-date request is dropped.

// send(request, reply) hands a request to the worker; reply(answer) is called once.
export function createLatestQueue(send) {
  let busy = false;
  let waiting = null;

  function run(job) {
    busy = true;
    send(job.make(), (answer) => {
      busy = false;
      if (waiting) {
        const next = waiting;
        waiting = null;
        run(next);
        return;
      }
      job.done(answer);
    });
  }

  return {
    // make() builds the request when it is sent; done(answer) gets the answer if still newest.
    request(make, done) {
      const job = { make, done };
      if (busy) waiting = job;
      else run(job);
    },
    get busy() {
      return busy;
    },
  };
}
