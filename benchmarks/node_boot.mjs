#!/usr/bin/env node
// Boot time of Pyodide under Node with a given standard library zip: one fresh process per
// run (so nothing is cached in memory between runs), median of N, round-robin over the zips.
//   node benchmarks/node_boot.mjs [--runs 5] [--wheel planner.whl] ZIP [ZIP ...]
// Prints, per zip: boot (loadPyodide), and first plan (boot + install the wheel + import
// planner.api, json, zlib, base64 + one plan), in milliseconds.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === "--child") {
  const [, zip, wheel] = args;
  const { loadPyodide } = await import("pyodide");
  const t0 = performance.now();
  const py = await loadPyodide({ stdLibURL: zip === "stock" ? undefined : zip });
  const t1 = performance.now();
  if (wheel) await py.loadPackage(wheel, { messageCallback: () => {} });
  py.runPython(`
import base64, datetime, json, zlib
${wheel ? 'import planner.api\nplanner.api.plan_dict({"interview_date": "2026-11-17"}, datetime.date(2026, 11, 16))' : ""}
`);
  const t2 = performance.now();
  console.log(JSON.stringify({ boot: t1 - t0, plan: t2 - t0 }));
  process.exit(0);
}

let runs = 5;
let wheel = "";
const zips = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--wheel") wheel = path.resolve(args[++i]);
  else zips.push(args[i] === "stock" ? "stock" : path.resolve(args[i]));
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// Round-robin over the zips, so that a busy machine slows every variant alike.
const times = new Map(zips.map((z) => [z, { boots: [], plans: [] }]));
for (let r = 0; r < runs; r++) {
  for (const zip of zips) {
    const out = spawnSync(process.execPath, [SELF, "--child", zip, wheel], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const { boot, plan } = JSON.parse(out.stdout.trim().split("\n").pop());
    times.get(zip).boots.push(boot);
    times.get(zip).plans.push(plan);
  }
}
for (const [zip, { boots, plans }] of times) {
  console.log(
    `${path.basename(zip).padEnd(24)} boot ${median(boots).toFixed(0).padStart(5)} ms   first plan ${median(plans).toFixed(0).padStart(5)} ms   (median of ${runs})`,
  );
}
