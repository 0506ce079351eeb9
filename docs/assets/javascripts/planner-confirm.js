// What happened after the reader used a control, said beside it: the control's group (the
// nearest [data-confirm-scope]) has a status slot ([data-confirm]) that shows it for a while.

export const CONFIRM_MS = 10_000;

const timers = new WeakMap();

export function confirmBeside(control, text) {
  const slot = control.closest("[data-confirm-scope]")?.querySelector("[data-confirm]");
  if (!slot) return false;
  window.clearTimeout(timers.get(slot));
  slot.textContent = ""; // said again even when the same words repeat
  window.requestAnimationFrame(() => {
    slot.textContent = text;
    timers.set(slot, window.setTimeout(() => {
      slot.textContent = "";
    }, CONFIRM_MS));
  });
  return true;
}
