/* My plan: the plays a reader chooses with "Add to my plan", kept in this
   browser's localStorage (no server, no cookie), listed on the plan page with
   their steps, toolkit items and facets from catalogue.json, reordered and
   removed with buttons, and shared as an address: plan/?plays=a,b,c. */
(() => {
  "use strict";

  const FORMAT = ["stem-playbook-catalogue", 1]; // the catalogue.json shape this script reads (DATA.md)
  const lang = () => document.documentElement.lang || "en";
  const say = (text, values = {}) => String(text || "").replace(/%\((\w+)\)[sd]/g, (_, name) => String(values[name] ?? ""));
  const messagesOf = (node) => {
    try {
      return JSON.parse(node.dataset.pbMessages || "{}");
    } catch (error) {
      return {};
    }
  };

  /** One plan per plan page (each language site has its own), keyed by that page's path. */
  const storageKey = (planUrl) => `stem-playbook-plan:${new URL(planUrl, window.location.href).pathname}`;

  function readPlan(key) {
    try {
      const ids = JSON.parse(window.localStorage.getItem(key) || "[]");
      return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
    } catch (error) {
      return [];
    }
  }

  function savePlan(key, ids) {
    try {
      window.localStorage.setItem(key, JSON.stringify(ids));
    } catch (error) {
      // Storage full or switched off: the plan still lives in the address.
    }
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  /** The "Add to my plan" button on a play's page. */
  function startButton(actions) {
    const button = actions.querySelector("[data-pb-plan-toggle]");
    const link = actions.querySelector(".pb-plan-link");
    const status = actions.querySelector(".pb-plan-status");
    if (!button || !link || actions.dataset.pbReady) return;
    const M = messagesOf(actions);
    const key = storageKey(link.href);
    const id = actions.dataset.play;
    const linkText = link.textContent;
    const update = () => {
      const ids = readPlan(key);
      button.setAttribute("aria-pressed", String(ids.includes(id)));
      link.textContent = ids.length ? `${linkText} (${ids.length.toLocaleString(lang())})` : linkText;
    };
    button.addEventListener("click", () => {
      const ids = readPlan(key);
      const chosen = !ids.includes(id);
      savePlan(key, chosen ? [...ids, id] : ids.filter((i) => i !== id));
      update();
      status.textContent = chosen ? M.added : M.taken;
    });
    update();
    button.hidden = false;
    actions.dataset.pbReady = "true";
  }

  /** The plan page. */
  class PlanPage {
    constructor(root, body, data, catalogueUrl) {
      this.root = root;
      this.body = body;
      this.data = data;
      this.M = messagesOf(root);
      this.key = storageKey(window.location.pathname);
      this.base = new URL(".", catalogueUrl);
      this.plays = new Map(data.plays.map((p) => [p.id, p]));
      const asked = new URLSearchParams(window.location.search).get("plays");
      const ids = asked !== null ? asked.split(",").map((s) => s.trim()).filter(Boolean) : readPlan(this.key);
      this.ids = [...new Set(ids)].filter((i) => this.plays.has(i));
      this.missing = this.ids.length < new Set(ids).size;
      this.status = element("p", { class: "pb-plan__status md-visually-hidden", role: "status" });
      root.append(this.status);
    }

    address() {
      const url = new URL(window.location.href);
      url.search = this.ids.length ? `?plays=${this.ids.join(",")}` : "";
      url.hash = "";
      return url;
    }

    store() {
      savePlan(this.key, this.ids);
      window.history.replaceState(window.history.state, "", this.address());
    }

    pageOf(kind, id) {
      return new URL(this.data.pages[kind].replace("{id}", id), this.base).href;
    }

    render(focus) {
      const { M, data } = this;
      const parts = [];
      const date = new Intl.DateTimeFormat(lang(), { dateStyle: "long" }).format(new Date());
      parts.push(element("p", { class: "pb-plan__date" }, say(M.date, { date })));
      if (this.missing) parts.push(element("p", { class: "pb-plan__missing" }, M.missing));
      if (!this.ids.length) {
        parts.push(element("p", { class: "pb-plan__empty" }, say(M.empty)));
        this.body.replaceChildren(...parts);
        return;
      }
      const address = this.address().href;
      const print = element("button", { type: "button", class: "md-button pb-plan__print" }, M.print);
      print.addEventListener("click", () => window.print());
      parts.push(
        element("p", { class: "pb-plan__share" }, M.share, " ", element("a", { href: address, class: "pb-plan__address" }, address)),
        element("p", { class: "pb-plan__tools" }, print),
      );
      const list = element("ol", { class: "pb-plan__plays" });
      this.ids.forEach((id, index) => list.append(this.playItem(this.plays.get(id), index)));
      parts.push(list);
      this.body.replaceChildren(...parts);
      if (focus) {
        const target = this.body.querySelector(focus) || this.body.querySelector(".pb-plan__play h2 a");
        if (target) target.focus();
      }
    }

    playItem(play, index) {
      const { M, data } = this;
      const headingId = `pb-plan-${play.id}`;
      const item = element("li", { class: "pb-plan__play", "data-play": play.id });
      const title = element("h2", { id: headingId }, element("a", { href: this.pageOf("play", play.id) }, play.title));
      const status = data.statuses.find((s) => s.id === play.status);
      item.append(title, element("p", { class: "pb-plan__status-label" }, status ? status.label : ""));
      const facets = data.facets
        .map((facet) => [facet, (play.facets[facet.id] || []).map((v) => facet.values.find((x) => x.id === v)?.label || v)])
        .filter(([, values]) => values.length);
      if (facets.length) {
        const who = element("dl", { class: "pb-plan__for" });
        for (const [facet, values] of facets) who.append(element("dt", {}, facet.label), element("dd", {}, values.join(", ")));
        item.append(element("h3", {}, M.for), who);
      }
      const steps = element("ul", { class: "pb-plan__steps" });
      play.steps.forEach((step, i) => {
        const box = element("input", { type: "checkbox", id: `${headingId}-step-${i + 1}` });
        steps.append(element("li", {}, box, element("label", { for: box.id }, step)));
      });
      item.append(element("h3", {}, M.steps), steps);
      const toolkit = (data.toolkit || []).filter((t) => t.plays.includes(play.id));
      if (toolkit.length) {
        const items = element("ul", { class: "pb-plan__toolkit" });
        for (const t of toolkit) {
          const entry = element("li", {}, element("a", { href: this.pageOf("toolkit", t.id) }, t.title));
          if (t.link) entry.append(" ", element("a", { href: t.link, class: "pb-plan__resource" }, t.link));
          items.append(entry);
        }
        item.append(element("h3", {}, M.toolkit), items);
      }
      const tools = element("p", { class: "pb-plan__move" });
      const button = (action, text, label, disabled) => {
        const b = element("button", { type: "button", class: "md-button", "data-action": action, "aria-label": say(label, { title: play.title }) }, text);
        if (disabled) b.disabled = true;
        b.addEventListener("click", () => this.act(action, play.id));
        return b;
      };
      tools.append(
        button("up", M.up, M.up_label, index === 0),
        " ",
        button("down", M.down, M.down_label, index === this.ids.length - 1),
        " ",
        button("remove", M.remove, M.remove_label, false),
      );
      item.append(tools);
      return item;
    }

    act(action, id) {
      const index = this.ids.indexOf(id);
      const title = this.plays.get(id).title;
      let focus = "";
      if (action === "remove") {
        this.ids.splice(index, 1);
        const next = this.ids[Math.min(index, this.ids.length - 1)];
        focus = next ? `[data-play="${next}"] h2 a` : "";
        this.status.textContent = say(this.M.removed, { title });
      } else {
        const to = action === "up" ? index - 1 : index + 1;
        if (to < 0 || to >= this.ids.length) return;
        [this.ids[index], this.ids[to]] = [this.ids[to], this.ids[index]];
        // Keep the keyboard where it was: on the same button of the moved play, or its other one at an end.
        const edge = to === 0 ? "down" : to === this.ids.length - 1 ? "up" : action;
        focus = `[data-play="${id}"] [data-action="${edge}"]`;
        this.status.textContent = say(this.M.moved, { title, position: to + 1, count: this.ids.length });
      }
      this.store();
      this.render(focus || ".pb-plan__date");
    }
  }

  function startPlan(root) {
    const body = root.querySelector("[data-pb-plan-body]");
    const link = root.querySelector("a[data-pb-catalogue]");
    if (!body || !link || root.dataset.pbReady) return;
    fetch(link.href, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`${link.href}: HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => {
        if (data.format !== FORMAT[0] || data.version !== FORMAT[1]) throw new Error(`${link.href}: not a version ${FORMAT[1]} catalogue`);
        if (!root.isConnected || root.dataset.pbReady) return;
        const page = new PlanPage(root, body, data, link.href);
        if (new URLSearchParams(window.location.search).has("plays")) page.store();
        page.render("");
        root.dataset.pbReady = "true";
      })
      .catch((error) => console.warn(`My plan: cannot read the catalogue (${error.message})`));
  }

  function start() {
    document.querySelectorAll("[data-pb-plan-actions]").forEach(startButton);
    const plan = document.querySelector("[data-pb-plan]");
    if (plan) startPlan(plan);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
