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
      // A keyboard or screen-reader user can pass the options and go straight to the plays.
      const skip = element("a", { class: "pb-filters__skip", href: "#pb-results" }, M.skip);
      this.status = element("p", { class: "pb-filters__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
      this.clear = element("button", { type: "button", class: "pb-filters__clear" }, M.clear);
      this.form = element(
        "form",
        { class: "pb-filters", role: "search", "aria-label": M.form },
        skip,
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
      // The filters in force, each a button that removes it: on a phone they show what is ticked without unfolding the options.
      this.chips = element("ul", { class: "pb-chips", "aria-label": M.chips });
      const summary = element("div", { class: "pb-browse__summary" }, this.status, this.chips, this.clear);
      const results = element("div", { class: "pb-browse__results", id: "pb-results", tabindex: "-1" }, summary, this.empty);
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
        // One Tab stop per filter: arrow keys move between its options (a roving tab index), so
        // Tab leaves a long list of options at once instead of walking every box.
        fieldset.addEventListener("keydown", (event) => this.arrow(event, d));
        return dim.values.map((value, v) => {
          const box = element("input", { type: "checkbox", name: dim.id, value: value.id, tabindex: v === 0 ? "0" : "-1" });
          const number = document.createTextNode("");
          const count = element("span", { class: "pb-filters__count" }, number, element("span", { class: "pb-visually-hidden" }, ` ${M.plays.other}`));
          fieldset.append(element("label", { class: "pb-filters__option" }, box, element("span", { class: "pb-filters__label" }, value.label), count));
          return { box, number, value: value.id, label: value.label, d };
        });
      });
      const hint = element("p", { class: "pb-filters__hint" }, M.hint);
      // "Show 13 plays": after ticking, one press leads to the first play (and folds the options on a phone).
      this.showButton = element("button", { type: "button", class: "pb-filters__show" }, "");
      this.showButton.addEventListener("click", () => this.showResults());
      const options = element("div", { id: "pb-filter-options", class: "pb-filters__options" }, hint, facets, this.showButton);
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
      this.toggle = toggle;
      this.options = options;
      return [toggle, options];
    }

    /** Arrow keys, Home and End move focus between the options of dimension `d`; Tab leaves them. */
    arrow(event, d) {
      const boxes = this.boxes[d].map((b) => b.box);
      const at = boxes.indexOf(event.target);
      if (at < 0) return;
      const moves = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: boxes.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = boxes[(moves[event.key] + boxes.length) % boxes.length];
      for (const box of boxes) box.tabIndex = box === next ? 0 : -1;
      next.focus();
    }

    /** Fold the options where they fold (a phone) and move focus to the first play shown. */
    showResults() {
      if (getComputedStyle(this.toggle).display !== "none" && !this.options.hidden) {
        this.options.hidden = true;
        this.toggle.setAttribute("aria-expanded", "false");
      }
      const first = this.plays.find((play) => play.shown);
      const target = first ? first.card.querySelector("a") : this.empty;
      if (!first) this.empty.tabIndex = -1;
      target.focus();
      target.scrollIntoView({ block: "center" });
    }

    /** One removable chip per ticked option (and for the words typed). */
    showChips(state) {
      const chips = [];
      const chip = (text, remove) => {
        const button = element("button", { type: "button", class: "pb-chip", "aria-label": say(M.remove, { label: text }) }, text);
        button.append(element("span", { class: "pb-chip__x", "aria-hidden": "true" }, "\u00d7"));
        button.addEventListener("click", () => {
          const index = [...this.chips.querySelectorAll("button")].indexOf(button);
          remove();
          this.changed("options");
          // Focus stays among the chips (the next one), or goes to the count when none is left.
          const left = [...this.chips.querySelectorAll("button")];
          (left[Math.min(index, left.length - 1)] || this.search).focus();
        });
        chips.push(element("li", {}, button));
      };
      if (state.text.trim()) chip(`“${state.text.trim()}”`, () => { this.search.value = ""; });
      for (const item of this.boxes.flat()) {
        if (item.box.checked) chip(item.label, () => { item.box.checked = false; });
      }
      this.chips.replaceChildren(...chips);
      this.chips.hidden = chips.length === 0;
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
        // The plays with this value among those that pass every other dimension: for a ticked
        // option, how many of those shown have it; for another, how many ticking it would add or keep.
        number.nodeValue = String((has[d].get(value) || 0) + (missed[d].get(value) || 0));
      }
      const filtered = words.length > 0 || selected.some((s) => s.size);
      const all = this.plays.length;
      const plays = plural(M.plays, all);
      this.status.textContent = filtered ? say(plural(M.match, total), { num: total, all, plays }) : say(plural(M.all, all), { num: all, plays });
      this.empty.hidden = total > 0;
      this.showButton.textContent = say(plural(M.show, total), { num: total, plays: plural(M.plays, total) });
      this.showChips(state);
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
