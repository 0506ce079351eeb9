// The page's side of the planner's Web Worker: one worker per visit, requests answered by id.

import { message } from "./planner-dom.js";

// A request the worker could not finish reads like any other answer with a general error.
function worded(answer) {
  if (!answer || answer.failure === undefined) return answer;
  return { errors: [{ field: "", message: message("could_not_finish", { detail: answer.failure }) }] };
}

export function startWorker(handlers) {
  const worker = new Worker(new URL("./planner-worker.js", import.meta.url), { type: "module" });
  const replies = new Map();
  let nextId = 1;
  worker.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg.type === "result") {
      const reply = replies.get(msg.id);
      replies.delete(msg.id);
      if (reply) reply(worded(msg.answer));
    } else if (msg.type === "ready") handlers.ready();
    else if (msg.type === "failed") handlers.failed(msg.message);
    else if (msg.type === "status") handlers.status(msg.message);
  });
  worker.addEventListener("error", (event) => {
    handlers.failed(event.message || "the planner's worker could not be loaded");
  });
  return {
    ask(request, reply) {
      const id = nextId++;
      replies.set(id, reply);
      worker.postMessage({ ...request, id });
    },
  };
}
