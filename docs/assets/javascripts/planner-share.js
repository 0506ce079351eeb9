// The plan's link, shared: the phone's share sheet where the browser has one, otherwise copied.
// The link and its one-line title are those of the plan on screen, once any change is planned.

import { copyText } from "./planner-clipboard.js";
import { message } from "./planner-dom.js";

// How this browser shares `data` ({title, url}): "sheet" (the Web Share API) or "copy".
export function shareMode(nav, data) {
  if (!nav || typeof nav.share !== "function") return "copy";
  if (typeof nav.canShare === "function" && !nav.canShare(data)) return "copy";
  return "sheet";
}

// The page's words for what happened ("shared", "link_copied", "link_copy_failed"), or null
// when the reader closed the share sheet without sharing.
export async function shareLink(page, sheet) {
  await page.queue.settled();
  const data = { title: page.address.title() || message("share_title"), url: page.address.link() };
  if (sheet && shareMode(window.navigator, data) === "sheet") {
    try {
      await window.navigator.share(data);
      return "shared";
    } catch (error) {
      if (error && error.name === "AbortError") return null;
      // Refused (no share target, or the tap is too long ago): the link is copied instead.
    }
  }
  return (await copyText(data.url)) ? "link_copied" : "link_copy_failed";
}
