// Plan requests, latest wins: at most one is with the worker; whatever is asked meanwhile
// becomes a single request, built from the newest form when the one in flight answers, and
// the answer to an out-of-date request is dropped.

// send(request, reply) hands a request to the worker; reply(answer) is called once.
export function createLatestQueue(send) {
  let busy = false;
  let waiting = null;
  let settle = []; // resolvers of settled(), called once the newest answer is handled

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
      const resolvers = settle;
      settle = [];
      for (const resolve of resolvers) resolve();
    });
  }

  return {
    // make() builds the request when it is sent; done(answer) gets the answer if still newest.
    request(make, done) {
      const job = { make, done };
      if (busy) waiting = job;
      else run(job);
    },
    // Resolves once nothing is pending: at once when idle, else after the newest answer's done().
    settled() {
      if (!busy) return Promise.resolve();
      return new Promise((resolve) => settle.push(resolve));
    },
    get busy() {
      return busy;
    },
  };
}
