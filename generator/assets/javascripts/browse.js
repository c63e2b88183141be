/* Browse plays: filters, option counts and shareable URLs over the
   server-rendered list. The page works without this script (the full list,
   grouped by strategy); with it, the list is narrowed in place, using the
   same catalogue.json the site publishes as open data. No framework, no
   request to any other host. */
(() => {
  "use strict";

  const TEXT_KEY = "q";
  const FORMAT = ["stem-playbook-catalogue", 1]; // the catalogue.json shape this script reads (DATA.md)
  const catalogues = new Map(); // catalogue.json URL -> Promise of its data, kept across instant navigation
  let current = null; // the browse page on screen, if any

  /** The page's words (from the generator's message catalogue, in the page's language), set per page in start(). */
  let M = {};
  const lang = () => document.documentElement.lang || "en";
  /** A message with its %(name)s / %(name)d placeholders filled. */
  const say = (text, values = {}) => text.replace(/%\((\w+)\)[sd]/g, (_, name) => String(values[name] ?? ""));
  /** The form of a plural message (or noun) for `count`, chosen by the language's plural rules. */
  const plural = (table, count) => table[new Intl.PluralRules(lang()).select(count)] ?? table.other ?? Object.values(table)[0];

  /** Lower case without accents, so "quinceanera" finds "quinceañera". */
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function loadCatalogue(url) {
    if (!catalogues.has(url)) {
      const request = fetch(url, { credentials: "same-origin" }).then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      }).then((data) => {
        if (data.format !== FORMAT[0] || data.version !== FORMAT[1]) throw new Error(`${url}: not a version ${FORMAT[1]} catalogue`);
        return data;
      });
      request.catch(() => catalogues.delete(url));
      catalogues.set(url, request);
    }
    return catalogues.get(url);
  }

  /** Every dimension a play can be filtered on: status, strategy, then the catalogue's own facets. */
  function dimensions(data) {
    return [
      { id: "status", label: M.status, values: data.statuses, of: (play) => [play.status] },
      {
        id: "strategy",
        label: M.strategy,
        values: data.strategies.map((s) => ({ id: s.id, label: s.number == null ? s.title : `${s.number}. ${s.title}` })),
        of: (play) => [play.strategy],
      },
      ...data.facets.map((facet) => ({ ...facet, of: (play) => play.facets[facet.id] || [] })),
    ];
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  class BrowsePage {
    constructor(root, data) {
      this.root = root;
      this.path = window.location.pathname;
      this.dims = dimensions(data);
      this.groups = [...root.querySelectorAll("[data-strategy]")];
      const cards = new Map([...root.querySelectorAll("[data-play]")].map((card) => [card.dataset.play, card]));
      this.plays = data.plays
        .filter((play) => cards.has(play.id))
        .map((play) => ({
          card: cards.get(play.id),
          strategy: play.strategy,
          text: fold(`${play.title} ${play.summary}`),
          values: this.dims.map((dim) => dim.of(play)),
          shown: true,
        }));
      this.lastChange = "";
      this.buildForm();
    }

    buildForm() {
      this.search = element("input", { id: "pb-filter-text", type: "search", name: TEXT_KEY, autocomplete: "off", spellcheck: "false" });
      const text = element("div", { class: "pb-filters__text" }, element("label", { for: "pb-filter-text" }, M.words), this.search);
      this.status = element("p", { class: "pb-filters__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
      this.clear = element("button", { type: "button", class: "pb-filters__clear" }, M.clear);
      this.form = element(
        "form",
        { class: "pb-filters", role: "search", "aria-label": M.form },
        text,
        ...this.buildOptions(),
      );
      this.empty = element("p", { class: "pb-browse__empty" }, M.empty);
      this.empty.hidden = true;
      this.form.addEventListener("submit", (event) => event.preventDefault());
      this.form.addEventListener("change", (event) => {
        if (event.target.type === "checkbox") this.changed("options");
      });
      this.search.addEventListener("input", () => this.changed("text"));
      this.clear.addEventListener("click", () => {
        this.search.value = "";
        for (const { box } of this.boxes.flat()) box.checked = false;
        this.changed("clear");
      });
      // Filters beside the results on wide screens: the groups move, the cards inside them stay put.
      // The count heads the results, where eyes go after ticking an option.
      const summary = element("div", { class: "pb-browse__summary" }, this.status, this.clear);
      const results = element("div", { class: "pb-browse__results" }, summary, this.empty);
      const layout = element("div", { class: "pb-browse__layout" }, this.form, results);
      this.root.insertBefore(layout, this.groups[0] || null);
      results.append(...this.groups);
    }

    /** A fieldset of checkboxes per dimension, each with its count, behind a toggle on narrow screens. */
    buildOptions() {
      const facets = element("div", { class: "pb-filters__facets" });
      this.boxes = this.dims.map((dim, d) => {
        const fieldset = element("fieldset", { class: "pb-filters__facet" }, element("legend", {}, dim.label));
        facets.append(fieldset);
        return dim.values.map((value) => {
          const box = element("input", { type: "checkbox", name: dim.id, value: value.id });
          const number = document.createTextNode("");
          const count = element("span", { class: "pb-filters__count" }, number, element("span", { class: "pb-visually-hidden" }, ` ${M.plays.other}`));
          fieldset.append(element("label", { class: "pb-filters__option" }, box, element("span", { class: "pb-filters__label" }, value.label), count));
          return { box, number, value: value.id, d };
        });
      });
      const hint = element("p", { class: "pb-filters__hint" }, M.hint);
      const options = element("div", { id: "pb-filter-options", class: "pb-filters__options" }, hint, facets);
      // On a phone the options would push the plays a screen away; there they start folded (CSS keeps them open on wide screens).
      const names = this.dims.map((dim) => dim.label.toLowerCase());
      const toggle = element(
        "button",
        { type: "button", class: "pb-filters__toggle", "aria-expanded": "false", "aria-controls": options.id },
        say(M.toggle, { list: new Intl.ListFormat(lang(), { type: "conjunction" }).format(names) }),
      );
      options.hidden = true;
      toggle.addEventListener("click", () => {
        options.hidden = !options.hidden;
        toggle.setAttribute("aria-expanded", String(!options.hidden));
      });
      return [toggle, options];
    }

    /** The filter state the form shows. */
    formState() {
      return {
        text: this.search.value,
        selected: this.boxes.map((boxes) => new Set(boxes.filter((b) => b.box.checked).map((b) => b.value))),
      };
    }

    /** The filter state in the address bar; unknown keys and values are ignored. */
    urlState() {
      const params = new URLSearchParams(window.location.search);
      return {
        text: params.get(TEXT_KEY) || "",
        selected: this.dims.map((dim) => {
          const known = new Set(dim.values.map((v) => v.id));
          return new Set(params.getAll(dim.id).flatMap((v) => v.split(",")).filter((v) => known.has(v)));
        }),
      };
    }

    address(state) {
      const params = new URLSearchParams();
      if (state.text.trim()) params.set(TEXT_KEY, state.text.trim());
      this.dims.forEach((dim, d) => {
        for (const value of dim.values) if (state.selected[d].has(value.id)) params.append(dim.id, value.id);
      });
      const query = params.toString();
      // No #anchor: the strategy it points at may be filtered away (Material's tracking adds one back on scroll).
      return `${window.location.pathname}${query ? `?${query}` : ""}`;
    }

    /** A reader changed the form: filter, and record the view in the history (typing updates one entry). */
    changed(kind) {
      const state = this.formState();
      const url = this.address(state);
      if (kind === "text" && this.lastChange === "text") window.history.replaceState(window.history.state, "", url);
      else if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", url);
      this.lastChange = kind;
      this.show(state);
    }

    /** Show the state from the address bar (on load, and on back and forward). */
    restore() {
      const state = this.urlState();
      if (this.search.value !== state.text) this.search.value = state.text;
      for (const { box, value, d } of this.boxes.flat()) box.checked = state.selected[d].has(value);
      this.lastChange = "";
      this.show(state);
    }

    /** Filter the cards (AND across dimensions, OR within one) and count what each option would leave. */
    show(state) {
      const words = fold(state.text).split(/\s+/).filter(Boolean);
      const selected = state.selected;
      const has = this.dims.map(() => new Map()); // shown plays having a value
      const missed = this.dims.map(() => new Map()); // plays failing only this dimension, by value
      const groups = new Set(); // strategies with a play shown
      let total = 0;
      for (const play of this.plays) {
        let failed = -1;
        // Missing a word counts as two failures: such a play is left out of every option's count.
        let failures = words.every((word) => play.text.includes(word)) ? 0 : 2;
        for (let d = 0; d < selected.length && failures < 2; d += 1) {
          if (selected[d].size && !play.values[d].some((v) => selected[d].has(v))) {
            failures += 1;
            failed = d;
          }
        }
        const shown = failures === 0;
        if (shown) {
          total += 1;
          groups.add(play.strategy);
          play.values.forEach((values, d) => values.forEach((v) => has[d].set(v, (has[d].get(v) || 0) + 1)));
        } else if (failures === 1) {
          play.values[failed].forEach((v) => missed[failed].set(v, (missed[failed].get(v) || 0) + 1));
        }
        if (play.shown !== shown) {
          play.card.hidden = !shown;
          play.shown = shown;
        }
      }
      for (const group of this.groups) group.hidden = !groups.has(group.dataset.strategy);
      for (const { box, number, value, d } of this.boxes.flat()) {
        // Ticking an option adds its plays to those the other options of its dimension already show.
        number.nodeValue = String(box.checked || !selected[d].size ? has[d].get(value) || 0 : total + (missed[d].get(value) || 0));
      }
      const filtered = words.length > 0 || selected.some((s) => s.size);
      const all = this.plays.length;
      const plays = plural(M.plays, all);
      this.status.textContent = filtered ? say(plural(M.match, total), { num: total, all, plays }) : say(plural(M.all, all), { num: all, plays });
      this.empty.hidden = total > 0;
      this.root.dataset.pbFiltered = filtered ? "true" : "false";
    }
  }

  function start() {
    current = null;
    const root = document.querySelector("[data-pb-browse]");
    const link = root && root.querySelector("a[data-pb-catalogue]");
    if (!link) return;
    try {
      M = JSON.parse(root.dataset.pbMessages || "{}");
    } catch (error) {
      return;
    }
    loadCatalogue(link.href).then(
      (data) => {
        if (!root.isConnected || root.dataset.pbReady) return;
        current = new BrowsePage(root, data);
        current.restore();
        root.dataset.pbReady = "true";
      },
      (error) => {
        console.warn(`Browse plays: filters unavailable, showing every play (${error.message})`);
      },
    );
  }

  window.addEventListener("popstate", () => {
    // Back or forward between two views of this page; another page is Material's (or the browser's) to load.
    if (current && current.root.isConnected && current.path === window.location.pathname) current.restore();
  });

  // Material's instant navigation swaps pages without reloading scripts; document$ emits for each.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
