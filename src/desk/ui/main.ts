/**
 * The desk page: today's work (day.ts's list), and for the open piece the editor, its social
 * posts, the facts panel, the diff against the generated text, the page as readers see it, and
 * approve / reject. Every action is a request to the desk's API, which calls the CLI's own jobs.
 *
 * No edit is lost: a save names the version the text was opened at, and a file changed since
 * (another tab, `wirecopy draft`, an editor outside) answers with a conflict that shows both
 * versions; the editor's text stays until the editor chooses.
 */
import type { EditorView } from '@codemirror/view';
import type { DayView, DiffAnswer, OpenedPiece, PanelFact, SaveOutcome, SessionFacts } from '../wire.ts';
import { call, withName } from './api.ts';
import { type CheckResult, createEditor } from './editor.ts';
import { socialFields, withPost } from './social.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/** An element with its properties (textContent, className, type, ...) set. */
const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

const state: {
  name: string;
  version: string;
  saved: string;
  asOf: string;
  view?: EditorView;
  facts: PanelFact[];
} = {
  name: '',
  asOf: '',
  version: '',
  saved: '',
  facts: [],
};

function say(text: string) {
  $('status').textContent = text;
}

function errorText(json: { error?: string[]; lines?: string[] }): string {
  return [...(json.lines ?? []), ...(json.error ?? [])].join('\n');
}

// ---- Today's work ----------------------------------------------------------------------

async function showDay() {
  const answer = await call<DayView>('GET', '/api/day');
  const pane = $('day');
  if (answer.status !== 200) {
    pane.textContent = errorText(answer.json);
    return;
  }
  const day = answer.json;
  const gate = el('p', { className: `gate gate-${day.gate.verdict}`, id: 'gate' });
  const g = day.gate;
  gate.textContent = `Session ${day.session ?? '(none)'}: data-quality gate ${g.verdict} ${
    g.verdict === 'skipped' ? `(${g.reason})` : `(${g.scope}; ${g.errors} error(s), ${g.warnings} warning(s))`
  }`;
  if (g.verdict === 'failed') gate.title = g.problems.join('\n');
  const list = el('ul', { className: 'drafts', id: 'drafts' });
  for (const d of day.drafts) {
    const item = el('li', { className: `draft status-${d.status}` });
    item.dataset['name'] = d.name;
    const open = el('button', { type: 'button', className: 'open', textContent: d.title || d.file });
    open.addEventListener('click', () => void openPiece(d.name));
    const check = d.check.unreadable
      ? 'unreadable'
      : `check: ${d.check.errors} error(s), ${d.check.warnings} warning(s)`;
    const age = d.age.sessions === null ? '' : `${d.age.sessions} session(s) old`;
    const meta = el('span', {
      className: 'meta',
      textContent: [d.status, d.story, d.lead && `lead ${d.lead}`, check, d.asOf, age, d.note]
        .filter(Boolean)
        .join(' · '),
    });
    item.append(open, meta);
    if (d.earlierSession)
      item.append(el('strong', { className: 'flag', textContent: 'earlier session, unpublished' }));
    if (d.revisionOf)
      item.append(el('span', { className: 'flag', textContent: `revision beside ${d.revisionOf}` }));
    list.append(item);
  }
  const story = el('select', { id: 'story' });
  story.append(el('option', { value: '', textContent: 'the most newsworthy story' }));
  for (const s of day.stories) story.append(el('option', { value: s, textContent: s }));
  const draft = el('button', { type: 'button', id: 'draft', textContent: 'Draft' });
  draft.addEventListener('click', () => void redraft(story.value));
  const redo = el('button', { type: 'button', id: 'redraft', textContent: 'Redraft (data changed)' });
  redo.title = 'Writes the new text beside an edited draft as a revision (-r2.md); never over your edits.';
  redo.addEventListener('click', () => void redraft(''));
  const actions = el('p', { className: 'actions' });
  actions.append(story, draft, redo);
  pane.replaceChildren(el('h2', { textContent: "Today's work" }), gate, list, actions);
}

async function redraft(story: string) {
  say('Drafting…');
  const answer = await call<{ result?: { name: string; outcome: string; beside?: string }[] }>(
    'POST',
    '/api/draft',
    story ? { story } : {},
  );
  say(
    answer.status === 200
      ? (answer.json.result ?? [])
          .map((r) => `${r.name}: ${r.outcome}${r.beside ? ` (beside ${r.beside})` : ''}`)
          .join('; ')
      : errorText(answer.json),
  );
  await showDay();
}

// ---- The open piece --------------------------------------------------------------------

let social: ReturnType<typeof socialFields> | undefined;

async function openPiece(name: string) {
  const answer = await call<OpenedPiece>('GET', withName('/api/piece', name));
  if (answer.status !== 200) return say(errorText(answer.json));
  state.name = name;
  state.version = answer.json.version;
  state.saved = answer.json.text;
  $('piece-name').textContent = name;
  $('work').hidden = false;
  $('side').hidden = false;
  $('conflict').hidden = true;
  state.view ??= createEditor($('editor'), {
    name: () => state.name,
    onChange: (text) => {
      social?.show(text);
      $('save').classList.toggle('dirty', text !== state.saved);
    },
    onCheck: showCheck,
  });
  social ??= socialFields($('social'), (network, post) => {
    const view = state.view;
    if (!view) return;
    const text = view.state.doc.toString();
    const next = withPost(text, network, post);
    // Only the span that changed, so the editor keeps its selection, its undo steps and its marks.
    if (next !== undefined && next !== text) view.dispatch({ changes: changedSpan(text, next) });
  });
  state.view.dispatch({ changes: { from: 0, to: state.view.state.doc.length, insert: answer.json.text } });
  social.show(answer.json.text);
  $('save').classList.remove('dirty');
  void loadFacts();
  void showPage();
  void showDiff();
}

/** The one replacement that turns `before` into `after`: common head and tail left alone. */
function changedSpan(before: string, after: string): { from: number; to: number; insert: string } {
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { from: head, to: before.length - tail, insert: after.slice(head, after.length - tail) };
}

function showCheck(result: CheckResult) {
  const summary = $('check-summary');
  summary.textContent = `${result.errors} error(s), ${result.warnings} warning(s) · checked in ${result.ms} ms`;
  summary.className = `check-summary ${result.errors > 0 ? 'has-errors' : 'clean'}`;
  summary.dataset['ms'] = String(result.ms);
}

async function save(): Promise<boolean> {
  const view = state.view;
  if (!view) return false;
  const text = view.state.doc.toString();
  const answer = await call<SaveOutcome>('PUT', '/api/piece', {
    name: state.name,
    text,
    version: state.version,
  });
  const outcome = answer.json;
  if (answer.status === 200 && outcome.saved === true) {
    state.version = outcome.version;
    state.saved = text;
    $('save').classList.remove('dirty');
    say(`Saved ${state.name}.`);
    void showPage();
    void showDiff();
    return true;
  }
  if (answer.status === 409 && outcome.saved === false) {
    showConflict(text, outcome.conflict);
    return false;
  }
  say(errorText(answer.json));
  return false;
}

/** Both versions side by side; the editor picks one (or merges by hand), nothing is written until then. */
function showConflict(mine: string, theirs: Extract<SaveOutcome, { saved: false }>['conflict']) {
  const box = $('conflict');
  box.hidden = false;
  if ('deleted' in theirs) {
    box.replaceChildren(
      el('p', {
        textContent: `${state.name} was removed on disk (approved or rejected elsewhere?). Your text is still in the editor.`,
      }),
    );
    return;
  }
  const head = el('p', {
    textContent: `${state.name} changed on disk since you opened it (another tab, wirecopy draft, or an editor). Nothing was saved. Both versions:`,
  });
  const mineBox = el('pre', { className: 'mine', textContent: mine });
  const theirsBox = el('pre', { className: 'theirs', textContent: theirs.text });
  const keepMine = el('button', {
    type: 'button',
    id: 'keep-mine',
    textContent: 'Keep mine (save over the disk version)',
  });
  keepMine.addEventListener('click', () => {
    state.version = theirs.version;
    box.hidden = true;
    void save();
  });
  const takeTheirs = el('button', {
    type: 'button',
    id: 'take-theirs',
    textContent: 'Take the disk version',
  });
  takeTheirs.addEventListener('click', () => {
    state.version = theirs.version;
    state.saved = theirs.text;
    state.view?.dispatch({ changes: { from: 0, to: state.view.state.doc.length, insert: theirs.text } });
    box.hidden = true;
  });
  const sides = el('div', { className: 'sides' });
  sides.append(labelled('Yours (in the editor)', mineBox), labelled('On disk', theirsBox));
  box.replaceChildren(head, sides, keepMine, takeTheirs);
}

function labelled(title: string, content: HTMLElement) {
  const section = el('section');
  section.append(el('h3', { textContent: title }), content);
  return section;
}

// ---- Facts panel and the sourced action -----------------------------------------------

async function loadFacts() {
  const answer = await call<SessionFacts>('GET', withName('/api/facts', state.name));
  state.facts = answer.status === 200 ? answer.json.facts : [];
  state.asOf = answer.status === 200 ? answer.json.asOf : '';
  renderFacts();
}

function renderFacts() {
  const query = $<HTMLInputElement>('fact-search').value.trim().toLowerCase();
  const list = $('facts');
  const shown = state.facts.filter(
    (f) => query === '' || `${f.id} ${f.display} ${f.definition}`.toLowerCase().includes(query),
  );
  list.replaceChildren(
    ...shown.slice(0, 200).map((fact) => {
      const item = el('li');
      const insert = el('button', {
        type: 'button',
        className: fact.carried ? 'fact carried' : 'fact',
        textContent: fact.display,
      });
      insert.dataset['fact'] = fact.id;
      insert.title = `Insert ${fact.display} with its mark`;
      insert.addEventListener('click', () => insertFact(fact));
      const details = el('details');
      details.append(
        el('summary', { textContent: `${fact.id}: ${fact.definition}` }),
        el('pre', { textContent: fact.explain }),
      );
      item.append(insert, details);
      return item;
    }),
  );
}

function insertFact(fact: PanelFact) {
  const view = state.view;
  if (!view) return;
  const { from, to } = view.state.selection.main;
  // A fact the draft's front matter carries goes in with its mark; any other fact of the session
  // is not one the check holds the draft to, so it goes in as a number sourced from the session's stats.
  const insert = fact.carried
    ? `${fact.display}<!--fact:${fact.id}-->`
    : `${fact.display}<!--sourced: wirecopy stats ${fact.id}, ${state.asOf}-->`;
  view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length } });
  view.focus();
}

/** A number as copy prints it: sign, currency, separators, decimals, percent. */
const NUMBER = /[-+−]?\$?\d[\d,]*(?:\.\d+)?%?/;

function askSourced() {
  const view = state.view;
  if (!view) return;
  const { from, to } = view.state.selection.main;
  const number = view.state.sliceDoc(from, to);
  const dialog = $<HTMLDialogElement>('sourced-dialog');
  $('sourced-number').textContent = number || '(select the number first)';
  $('sourced-error').textContent = '';
  dialog.returnValue = '';
  dialog.showModal();
  dialog.onclose = () => {
    if (dialog.returnValue !== 'ok') return;
    const source = $<HTMLInputElement>('sourced-source').value.trim();
    const date = $<HTMLInputElement>('sourced-date').value;
    if (!/\d/.test(number) || source === '' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || source.includes('--')) {
      say('A sourced mark needs a selected number, a source (without "--") and a date.');
      return;
    }
    // The mark the review reads (src/review/markers.ts), right after the number ("1.2" of a
    // selected "1.2 billion"): <!--sourced: Source, YYYY-MM-DD-->.
    const found = NUMBER.exec(number);
    const at = found ? from + found.index + found[0].length : to;
    view.dispatch({ changes: { from: at, insert: `<!--sourced: ${source}, ${date}-->` } });
    view.focus();
  };
}

// ---- Diff, page, review ----------------------------------------------------------------

async function showDiff() {
  const answer = await call<{ result?: DiffAnswer }>('GET', withName('/api/diff', state.name));
  const box = $('diff');
  if (answer.status !== 200 || !answer.json.result) {
    box.textContent = errorText(answer.json);
    return;
  }
  const table = el('table', { className: 'side-by-side' });
  const head = el('tr');
  head.append(el('th', { textContent: 'Generated' }), el('th', { textContent: 'Now' }));
  table.append(head);
  for (const section of answer.json.result.sections) {
    const changed = section.ops.filter((op) => op.kind !== 'same');
    if (changed.length === 0) continue;
    const title = el('tr');
    title.append(el('th', { colSpan: 2, textContent: section.name }));
    table.append(title);
    for (const op of changed) {
      const row = el('tr', { className: `op-${op.kind}` });
      row.append(
        el('td', { textContent: op.before?.text ?? '' }),
        el('td', { textContent: op.after?.text ?? '' }),
      );
      table.append(row);
      for (const n of op.numbers) {
        const note = el('tr', { className: `number verdict-${n.verdict.kind}` });
        const fact = 'fact' in n.verdict ? ` ${n.verdict.fact.id} = ${n.verdict.shown}` : '';
        note.append(el('td', { colSpan: 2, textContent: `${n.text}: ${n.verdict.kind}${fact}` }));
        table.append(note);
      }
    }
  }
  box.replaceChildren(
    table.rows.length > 1 ? table : el('p', { textContent: 'No change from the generated text.' }),
  );
}

async function showPage() {
  // A fresh load of the sandboxed frame: the server renders the saved file, sanitized, scriptless.
  $<HTMLIFrameElement>('page').src = `${withName('/page', state.name)}&t=${Date.now()}`;
}

async function review(action: 'approve' | 'reject') {
  const view = state.view;
  if (view && view.state.doc.toString() !== state.saved && !(await save())) return;
  const by = $<HTMLInputElement>('reviewer').value.trim();
  const body =
    action === 'approve'
      ? { name: state.name, by }
      : { name: state.name, by, reason: $<HTMLInputElement>('reason').value.trim() };
  const answer = await call<{ result?: { article?: string } }>('POST', `/api/${action}`, body);
  const out = $('review-result');
  out.hidden = false;
  out.className = `review-result ${answer.status === 200 ? 'ok' : 'refused'}`;
  out.textContent =
    answer.status === 200
      ? [
          ...(answer.json.lines ?? []),
          action === 'approve' ? `Approved: ${answer.json.result?.article}` : 'Rejected.',
        ].join('\n')
      : errorText(answer.json);
  await showDay();
}

// ---- Wiring ----------------------------------------------------------------------------

$('save').addEventListener('click', () => void save());
$('sourced').addEventListener('click', askSourced);
$('approve').addEventListener('click', () => void review('approve'));
$('reject').addEventListener('click', () => void review('reject'));
$('fact-search').addEventListener('input', renderFacts);
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 's') {
    event.preventDefault();
    void save();
  }
});
for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('[role=tab]'))
      other.setAttribute('aria-selected', String(other === tab));
    for (const panel of document.querySelectorAll<HTMLElement>('[data-panel]'))
      panel.hidden = panel.dataset['panel'] !== tab.dataset['tab'];
  });
}
void showDay();
