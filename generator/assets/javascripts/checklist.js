/* Checklists a reader can tick: the generator writes every task-list item as
   a labelled checkbox; this script remembers which are ticked, per page, in
   the browser's localStorage, so a checklist survives a reload. Nothing
   leaves the browser. Without the script the boxes still tick, for printing. */
(() => {
  "use strict";

  const key = () => `pb-checklist:${window.location.pathname}`;

  function read() {
    try {
      return new Set(JSON.parse(window.localStorage.getItem(key()) || "[]"));
    } catch {
      return new Set(); // storage switched off or unreadable: the boxes still tick, unremembered
    }
  }

  function start() {
    const boxes = [...document.querySelectorAll(".md-typeset .pb-check input[type=checkbox]")];
    if (!boxes.length) return;
    const ticked = read();
    boxes.forEach((box, index) => {
      if (ticked.has(index)) box.checked = true;
      box.addEventListener("change", () => {
        const now = boxes.flatMap((b, i) => (b.checked ? [i] : []));
        try {
          window.localStorage.setItem(key(), JSON.stringify(now));
        } catch {
          /* storage full or switched off: the tick stays for this visit only */
        }
      });
    });
  }

  // An item's words tick its box too, as a label's would (the words sit beside the box, not in a
  // <label>, so that search indexes them; aria-labelledby names the box).
  document.addEventListener("click", (event) => {
    const words = event.target instanceof Element ? event.target.closest(".md-typeset .pb-check > span[id]") : null;
    const box = words && words.parentElement.querySelector("input[type=checkbox]");
    if (box && !event.target.closest("a")) box.click();
  });

  // Material's instant navigation swaps pages without reloading scripts; document$ emits for each.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
