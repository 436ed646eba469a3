// The Projekt API reference and try-it console: Scalar, configured to stay on this machine.
//
// - The first server is the sandbox these docs are served from; production is the second.
// - Nothing calls a hosted service: no telemetry, no web fonts, no AI agent, no request proxy.
// - The token and X-Org-Id stay in memory unless the reader ticks "Remember", which keeps
//   them in this browser's localStorage (never in a URL); unticking forgets them.
// - A write sent without an Idempotency-Key gets a fresh one, as the SDK's writes do.
// - The X-Org-Id field says what goes in it (build_docs.py's key_placeholders).
// - Where Scalar's markup breaks an ARIA rule, `repairAria` mends the attributes, so axe
//   finds no critical or serious violation (docs/adr/0014-scalar-for-the-console.md lists
//   each; tests/docs/test_console.py runs axe after every step a reader takes).
(() => {
  "use strict";
  const settings = JSON.parse(document.getElementById("projekt-console").textContent);
  const REMEMBER = "projekt-console-remember";
  const remember = localStorage.getItem(REMEMBER) === "yes";
  const box = document.getElementById("remember-credentials");
  box.checked = remember;
  box.addEventListener("change", () => {
    if (box.checked) {
      localStorage.setItem(REMEMBER, "yes");
    } else {
      // Scalar keeps the credentials it persists under keys of this prefix.
      Object.keys(localStorage)
        .filter((key) => key.startsWith("scalar-reference-auth"))
        .forEach((key) => localStorage.removeItem(key));
      localStorage.removeItem(REMEMBER);
    }
    location.reload();
  });

  const repairAria = (root) => {
    // A combobox must say whether its list is shown (Scalar's inputs leave it out).
    root.querySelectorAll("[role=combobox]:not([aria-expanded])").forEach((box) => {
      const list = document.getElementById(box.getAttribute("aria-controls") || "");
      box.setAttribute("aria-expanded", list ? "true" : "false");
    });
    // An id that names nothing on the page is an invalid reference.
    root.querySelectorAll("[aria-controls]").forEach((element) => {
      if (!document.getElementById(element.getAttribute("aria-controls"))) {
        element.removeAttribute("aria-controls");
      }
    });
    // CodeMirror's editors (the request body, the response) have no name.
    root.querySelectorAll(".cm-content[role=textbox]:not([aria-label])").forEach((editor) => {
      const editable = editor.getAttribute("contenteditable") === "true";
      editor.setAttribute("aria-label", editable ? "Request body" : "Response body");
    });
    // An editable body is in the tab order, and moving its caret scrolls it; axe, which looks
    // for a tabindex inside a scroller, flagged the editor's on a phone all the same.
    root.querySelectorAll(".cm-content[contenteditable=true]:not([tabindex])").forEach((editor) => {
      editor.setAttribute("tabindex", "0");
    });
    // A button with role="none" may not carry a label: it is a button.
    root.querySelectorAll("button[role=none]").forEach((button) => button.removeAttribute("role"));
    // An icon-only link (the contact URL) is named by where it goes.
    root.querySelectorAll("a[href]:not([aria-label])").forEach((link) => {
      if (!link.textContent.trim()) link.setAttribute("aria-label", link.href);
    });
  };
  // Scalar puts one stand-in in every API key's value field; the row above names the header.
  const SCALAR_KEY_PLACEHOLDER = "QUxMIFlPVVIgQkFTRSBBUkUgQkVMT05HIFRPIFVT";
  const explainKeyFields = (root) => {
    root.querySelectorAll(`input[placeholder="${SCALAR_KEY_PLACEHOLDER}"]`).forEach((input) => {
      const row = input.closest("tr")?.previousElementSibling;
      const name = row?.querySelector("[role=combobox]")?.textContent.trim();
      if (settings.keyPlaceholders[name]) input.placeholder = settings.keyPlaceholders[name];
    });
  };
  new MutationObserver(() => {
    repairAria(document.body);
    explainKeyFields(document.body);
  }).observe(document.body, {
    childList: true,
    subtree: true,
  });

  // Scalar moves the focus to the operation a search hit opens, and then the closing search
  // dialog hands it back to its own button: the next Tab would start at the top of the page.
  // A focus taken straight from a just-opened operation to outside it, within a moment too
  // short for a reader's own keystroke, goes back to it.
  const MOMENT_MS = 500;
  let opened = null;
  let openedAt = 0;
  document.addEventListener("focusin", (event) => {
    if (event.target.matches("section[id]")) {
      opened = event.target;
      openedAt = performance.now();
    } else if (
      opened &&
      event.relatedTarget === opened &&
      !opened.contains(event.target) &&
      performance.now() - openedAt < MOMENT_MS
    ) {
      const section = opened;
      opened = null;
      section.focus({ preventScroll: true });
    }
  });

  const sandbox = new URL("..", location.href).href.replace(/\/$/, "");
  const writes = new Set(["POST", "PUT", "PATCH", "DELETE"]);
  Scalar.createApiReference("#app", {
    url: "openapi.docs.json",
    servers: [
      { url: sandbox, description: "This sandbox (the server these docs come from)" },
      ...settings.servers,
    ],
    persistAuth: remember,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    hideClientButton: true,
    showDeveloperTools: "never",
    documentDownloadType: "none",
    hiddenClients: true,
    // Which operations the quickstart does not show, and were inferred (the spec says so).
    showExtensions: ["x-projekt-inferred"],
    customCss: settings.customCss,
    // Scalar calls onLoaded after it has drawn the document and restored what the reader
    // chose to remember; a script driving the page (the console tests) waits for the mark.
    onLoaded: () => {
      document.documentElement.dataset.consoleLoaded = "true";
    },
    onRequestBuilt: ({ request }) => {
      if (writes.has(request.method) && !request.headers.get(settings.idempotencyHeader)) {
        request.headers.set(settings.idempotencyHeader, `"${crypto.randomUUID()}"`);
      }
    },
  });
})();
