// A token bucket: `burst` actions at once, then one every `refillMs`.
//
// The plan's link is kept in the address bar and the plan is redrawn on every key press; Safari
// refuses more than 100 address changes in 10 seconds and Firefox more than 200. A bucket of 30
// refilling every 333 ms allows at most 60 in any 10 s.

export function createBucket({ burst, refillMs, now }) {
  let tokens = burst;
  let checkedAt = now();
  return {
    // 0 if the action may happen now (and spends a token), else how many ms to wait.
    take() {
      const time = now();
      tokens = Math.min(burst, tokens + (time - checkedAt) / refillMs);
      checkedAt = time;
      if (tokens < 1) return (1 - tokens) * refillMs;
      tokens -= 1;
      return 0;
    },
  };
}
