/* Keyboard and screen-reader fixes for Material 9.8 controls. Each names the
   WCAG criterion or axe rule it fixes; tests/browser/test_keyboard.py and
   test_axe.py check them. Runs on every page, including after instant
   navigation (document$), and only once per element. */
(function () {
  "use strict";

  // The menu button's name, in the site's language (set by main.html).
  var menuLabel = (document.currentScript && document.currentScript.dataset.menuLabel) || "Navigation";

  /* WCAG 2.4.7, 4.1.2: Material marks no colour-scheme radio as checked, so
     Tab lands on the first one even in the dark scheme, where its label is
     hidden (no visible focus) and its name "Switch to dark mode" is not what
     it does. Checking the radio of the scheme on screen puts focus on the
     toggle the reader sees; Material still does the switching. */
  function checkSchemeRadio() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    var input = document.querySelector('.md-option[data-md-color-scheme="' + scheme + '"]');
    if (input && !document.querySelector(".md-option:checked")) input.checked = true;
  }

  /* axe landmark-unique: Material's search results wrap each page's tags in
     a <nav> with no name, so a result list holds many identical navigation
     landmarks. They are labels, not links: take away the landmark role. */
  function plainSearchTags() {
    var results = document.querySelector(".md-search-result__list");
    if (!results || results.dataset.pbTags) return;
    results.dataset.pbTags = "plain";
    new MutationObserver(function () {
      results.querySelectorAll("nav.md-tags:not([role])").forEach(function (nav) {
        nav.setAttribute("role", "none");
      });
    }).observe(results, { childList: true, subtree: true });
  }

  /* WCAG 2.1.1 keyboard: on narrow screens (or zoomed in) the navigation is a
     drawer opened by a <label>, which Tab never reaches. Put a real button
     in its place (a label may not take the button role: axe
     aria-allowed-role) that Enter and Space open, moving focus into the
     drawer; Escape closes the drawer and returns focus to the button. (The
     closed drawer is kept out of the tab order by accessibility.css.) */
  function drawerButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer || label.hidden) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " pb-menu-button";
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", menuLabel);
    label.hidden = true;
    label.style.display = "none";
    label.parentNode.insertBefore(button, label);
    button.addEventListener("click", function () {
      toggle.click();
    });
    var byKey = false;
    var expanded = function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    };
    expanded();
    button.addEventListener("keydown", function (event) {
      // Enter and Space click a button; the drawer then takes focus.
      if (event.key === "Enter" || event.key === " ") byKey = true;
    });
    toggle.addEventListener("change", function () {
      expanded();
      if (toggle.checked && byKey) {
        // Once the drawer is visible (it is hidden while closed), focus its first link.
        setTimeout(function () {
          var first = drawer.querySelector("a[href], label[tabindex]");
          if (first) first.focus();
        }, 0);
      }
      byKey = false;
    });
    document.addEventListener("keydown", function (event) {
      var inside = drawer.contains(document.activeElement) || document.activeElement === button;
      if (event.key === "Escape" && toggle.checked && inside) {
        toggle.click();
        button.focus();
      }
    });
  }

  /* Under Zensical the skip link reads "#__skip" (its script even makes it
     the page's whole address) but no element has that id, so the link goes
     nowhere, and axe (rule "region") no longer knows it for a skip link.
     Point it, as a same-page fragment, at the page's heading, as Material does. */
  function skipLinkFragment() {
    document.querySelectorAll("a.md-skip").forEach(function (link) {
      var target = new URL(link.href, window.location.href);
      if (!target.hash || target.pathname !== window.location.pathname) return;
      var id = decodeURIComponent(target.hash.slice(1));
      if (!document.getElementById(id)) {
        var heading = document.querySelector(".md-content h1");
        if (!heading) return;
        if (!heading.id) heading.id = "pb-content";
        id = heading.id;
      }
      if (link.getAttribute("href") !== "#" + id) link.setAttribute("href", "#" + id);
    });
  }

  function start() {
    skipLinkFragment();
    checkSchemeRadio();
    plainSearchTags();
    drawerButton();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else start();
})();
