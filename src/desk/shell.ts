/** The desk's one HTML page: the panes the browser code (ui/main.ts) fills, and the CSRF token it sends back. */
export function deskShell(csrf: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="wirecopy-csrf" content="${csrf}">
<title>wirecopy desk</title>
<link rel="stylesheet" href="/desk.css">
<script type="module" src="/desk.js"></script>
</head>
<body>
<header class="bar"><strong>wirecopy desk</strong> <span id="status" role="status" aria-live="polite"></span></header>
<main class="desk">
  <section id="day" class="pane day" aria-label="Today's work"></section>
  <section id="work" class="pane work" aria-label="Editor" hidden>
    <div class="toolbar">
      <span id="piece-name"></span>
      <button id="save" type="button">Save</button>
      <button id="sourced" type="button" title="Mark the selected number as sourced by hand">Sourced…</button>
      <span id="check-summary" class="check-summary"></span>
    </div>
    <div id="conflict" class="conflict" hidden></div>
    <div id="editor" class="editor"></div>
    <fieldset class="social" id="social"><legend>Social posts</legend></fieldset>
    <div class="review">
      <label>Reviewer <input id="reviewer" autocomplete="name"></label>
      <button id="approve" type="button">Approve</button>
      <label>Reason <input id="reason"></label>
      <button id="reject" type="button">Reject</button>
      <pre id="review-result" class="review-result" hidden></pre>
    </div>
  </section>
  <aside id="side" class="pane side" hidden>
    <nav class="tabs" role="tablist">
      <button type="button" role="tab" data-tab="facts" aria-selected="true">Facts</button>
      <button type="button" role="tab" data-tab="diff">Diff</button>
      <button type="button" role="tab" data-tab="page">Page</button>
    </nav>
    <div data-panel="facts" class="panel">
      <input id="fact-search" type="search" placeholder="Search facts" aria-label="Search facts">
      <ul id="facts" class="facts"></ul>
    </div>
    <div data-panel="diff" class="panel" hidden><div id="diff" class="diff"></div></div>
    <div data-panel="page" class="panel" hidden><iframe id="page" title="The page as readers will see it" sandbox=""></iframe></div>
  </aside>
</main>
<dialog id="sourced-dialog">
  <form method="dialog">
    <p>Mark <q id="sourced-number"></q> as sourced by hand</p>
    <label>Source <input id="sourced-source" required></label>
    <label>Date <input id="sourced-date" type="date" required></label>
    <p id="sourced-error" class="error" role="alert"></p>
    <button value="cancel" formnovalidate>Cancel</button> <button id="sourced-ok" value="ok">Mark</button>
  </form>
</dialog>
</body>
</html>`;
}
