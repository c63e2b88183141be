/* Evidence and gap map: every facet's table is on the page (readable and
   printable without this script); this adds a select that shows one table at
   a time and keeps the choice in the address (?facet=<id>). */
(() => {
  "use strict";

  function start() {
    const root = document.querySelector("[data-pb-map]");
    if (!root || root.dataset.pbReady) return;
    const sections = [...root.querySelectorAll("section[data-facet]")];
    if (sections.length < 2) return;
    let M = {};
    try {
      M = JSON.parse(root.dataset.pbMessages || "{}");
    } catch (error) {
      return;
    }
    const select = document.createElement("select");
    select.id = "pb-map-facet";
    for (const section of sections) select.append(new Option(section.dataset.label, section.dataset.facet));
    const label = document.createElement("label");
    label.htmlFor = select.id;
    label.textContent = M.choose || "";
    const chooser = document.createElement("p");
    chooser.className = "pb-map__chooser";
    chooser.append(label, " ", select);
    const links = root.querySelector(".pb-map__facets");
    if (links) links.replaceWith(chooser);
    else root.prepend(chooser);

    const show = (facet) => {
      const chosen = sections.find((s) => s.dataset.facet === facet) || sections[0];
      for (const section of sections) section.hidden = section !== chosen;
      select.value = chosen.dataset.facet;
    };
    select.addEventListener("change", () => {
      show(select.value);
      const url = new URL(window.location.href);
      url.searchParams.set("facet", select.value);
      url.hash = "";
      window.history.replaceState(window.history.state, "", url);
    });
    const wanted = new URLSearchParams(window.location.search).get("facet") || window.location.hash.replace(/^#map-/, "");
    show(wanted);
    root.dataset.pbReady = "true";
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
