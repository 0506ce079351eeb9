// The plan's live region. A redraw's message is said once redraws settle, after any note left
// by the action that caused it; what the reader just did is said at once.

export const ANNOUNCE_AFTER_MS = 600;

export function createAnnouncer(region) {
  let timer = null;
  let note = "";
  return {
    note(text) {
      note = text;
    },
    later(text) {
      const said = note ? `${note} ${text}` : text;
      note = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        region.textContent = said;
      }, ANNOUNCE_AFTER_MS);
    },
    now(text) {
      window.clearTimeout(timer);
      region.textContent = ""; // re-announce even when the same text repeats
      window.requestAnimationFrame(() => {
        region.textContent = text;
      });
    },
  };
}
