/*
 * プロセス設計 (/design/, process owners only, 1.4): the deployed flows, decision tables and forms with their versions
 * (GET /api/design/models), one of them opened in the editor of its kind (window.IsmsEditors: bpmn-js with the
 * Camunda 7 properties panel and bpmnlint, dmn-js, form-js), then 検査 (bpmnlint in the browser with the repository's
 * .bpmnlintrc, and the server's checks), 試行 (the server's dry run: decision rows and flow paths, old and new side by
 * side, and a visual diff of the diagram by bpmn-js-differ) and 申請 (a modelRevision request). One proposal may carry
 * several files (a flow, its decision tables and its forms): every model opened joins the draft with its edit, the
 * draft lists them, a file can be taken out of it, and checks, dry run and proposal take all of them. Nothing is
 * deployed from here: the approved request deploys exactly the proposed files. Builds on ../audit/audit.js (DOM nodes
 * as text only, GET, login).
 */
'use strict';

(() => {
  const {el, get, fail, clearMessage, time, ApiError} = Audit;
  const E = window.IsmsEditors;
  const KINDS = {BPMN: 'フロー (BPMN)', DMN: '決定表 (DMN)', FORM: 'フォーム'};
  const SOURCES = {STARTUP: '起動時', REVISION: '改訂', EMERGENCY: '緊急デプロイ'};
  const SEVERITIES = {ERROR: 'エラー', WARNING: '警告'};

  let csrfToken = '';
  /**
   * The draft of one proposal, by file name in the order opened: {kind, key, version, name, original, content} —
   * original the version it is based on, content its edit as last taken from the editor.
   */
  const draft = new Map();
  /** The draft file in the editor (the editor holds its newest edit). */
  let opened = null;
  let bpmn = null;
  let dmn = null;
  let form = null;
  let diffViewers = null;

  /** POST JSON under /api/design with the session's CSRF token; {status, body}. */
  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken,
        'X-Requested-With': 'XMLHttpRequest'},
      body: JSON.stringify(body)
    });
    Audit.learnZone(response);
    let answer = null;
    try {
      answer = await response.json();
    } catch (ignored) {
      // no JSON
    }
    if (!response.ok && response.status !== 400) {
      throw new ApiError(response.status, (answer && (answer.error || answer.message))
        || 'エラーが発生しました (HTTP ' + response.status + ')');
    }
    return {status: response.status, body: answer || {}};
  }

  function versionLabel(version) {
    const parts = ['版 ' + version.version];
    if (version.deployedAt) {
      parts.push(time(version.deployedAt));
    }
    if (version.source) {
      parts.push(SOURCES[version.source] || version.source);
    }
    if (version.revision) {
      parts.push('規程 ' + version.revision);
    }
    if (version.businessKey) {
      parts.push(version.businessKey);
    }
    return parts.join(' · ');
  }

  /** takeOutApprover.dmn of a resource name that may carry the folder it was deployed from. */
  function fileName(model) {
    return String(model.resourceName || model.key).split(/[\\/]/).pop();
  }

  function modelRow(model) {
    const file = fileName(model);
    const versions = model.versions || [];
    const base = version => '/api/design/models/' + encodeURIComponent(model.kind) + '/'
      + encodeURIComponent(model.key) + '/versions/' + version;
    const select = el('select', {class: 'version', 'aria-label': file + ' の版'},
      versions.map(version => el('option', {value: version.version}, versionLabel(version))));
    const open = el('button', {type: 'button', class: 'small open', disabled: versions.length === 0}, '開く');
    const download = el('a', {class: 'button small download', download: file}, 'ダウンロード');
    const chosen = () => versions.find(version => String(version.version) === select.value);
    const follow = () => {
      if (chosen()) {
        download.href = base(chosen().version) + '/download';
      }
    };
    select.addEventListener('change', follow);
    follow();
    open.addEventListener('click', () => openVersion(model, chosen()).catch(fail));
    return el('tr', {'data-resource': file, 'data-kind': model.kind, 'data-key': model.key},
      el('td', {class: 'wrap'}, el('span', {class: 'kind'}, KINDS[model.kind] || model.kind), ' ',
        el('strong', {}, model.name || model.key), el('br'), el('span', {class: 'muted file'}, file)),
      el('td', {class: 'wrap'}, select, el('div', {class: 'row-actions'}, open, download)));
  }

  async function loadModels() {
    const models = await get('/api/design/models');
    const order = Object.keys(KINDS);
    models.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)
      || fileName(a).localeCompare(fileName(b)));
    document.querySelector('#models tbody').replaceChildren(...models.map(modelRow));
  }

  function show(kind) {
    document.getElementById('bpmn-editor').hidden = kind !== 'BPMN';
    document.getElementById('dmn-editor').hidden = kind !== 'DMN';
    document.getElementById('form-editor').hidden = kind !== 'FORM';
  }

  /** The decision tables (and other views) of the opened DMN as buttons; the first table is opened. */
  function dmnViews() {
    const views = dmn.getViews();
    const nav = document.getElementById('dmn-views');
    const active = dmn.getActiveView();
    nav.replaceChildren(...views.map(view => {
      const label = (view.type === 'drd' ? '関係図' : view.type === 'decisionTable' ? '決定表' : '式') + ': '
        + (view.name || view.id);
      const button = el('button', {type: 'button', class: 'small', 'aria-pressed': String(active === view)}, label);
      button.addEventListener('click', () => dmn.open(view).then(dmnViews).catch(fail));
      return button;
    }));
  }

  /**
   * When the user last typed in an editor. dmn-js's table cells and the properties panels apply typed text to the model
   * only after a pause of 300 ms (their debounced input), so text typed just before switching files, checking or
   * proposing would not yet be in the saved XML.
   */
  let lastInput = 0;
  document.addEventListener('input', () => lastInput = Date.now(), true);
  const INPUT_SETTLES_MS = 400;

  /** Takes the edit of the file in the editor into the draft, including what was typed a moment ago. */
  async function keepEdit() {
    if (opened && draft.get(opened.name) === opened) {
      const settle = lastInput + INPUT_SETTLES_MS - Date.now();
      if (settle > 0) {
        await new Promise(resolve => setTimeout(resolve, settle));
      }
      opened.content = (await editedFile()).content;
    }
  }

  /**
   * Opens a version: a file already in the draft in the same version comes back with its edit; otherwise the version
   * joins the draft (in place of another version of the same file).
   */
  async function openVersion(model, version) {
    clearMessage();
    await keepEdit();
    const name = fileName(model);
    let entry = draft.get(name);
    if (!entry || entry.version !== version.version) {
      const base = '/api/design/models/' + encodeURIComponent(model.kind) + '/' + encodeURIComponent(model.key)
        + '/versions/' + version.version;
      const content = await get(base);
      entry = {kind: model.kind, key: model.key, version: version.version, name,
        original: content.content, content: content.content};
      draft.set(name, entry);
    }
    await edit(entry);
    document.getElementById('findings-section').hidden = true;
    document.getElementById('dry-run-section').hidden = true;
    document.getElementById('proposal-section').hidden = false;
    document.getElementById('proposal-result').replaceChildren();
  }

  /** Loads a draft file into the editor of its kind. */
  async function edit(entry) {
    opened = null;
    show(entry.kind);
    if (entry.kind === 'BPMN') {
      bpmn = bpmn || E.bpmnModeler(document.getElementById('bpmn-canvas'),
        document.getElementById('bpmn-properties'));
      await bpmn.importXML(entry.content);
      bpmn.get('canvas').zoom('fit-viewport');
    } else if (entry.kind === 'DMN') {
      dmn = dmn || E.dmnModeler(document.getElementById('dmn-container'));
      await dmn.importXML(entry.content);
      const table = dmn.getViews().find(view => view.type === 'decisionTable');
      if (table) {
        await dmn.open(table);
      }
      dmnViews();
    } else {
      form = form || E.formEditor(document.getElementById('form-container'));
      await form.importSchema(JSON.parse(entry.content));
    }
    opened = entry;
    document.getElementById('opened').textContent = entry.name + ' (版 ' + entry.version + ' をもとに編集)';
    ['check', 'dry-run', 'save-file'].forEach(id => document.getElementById(id).disabled = false);
    showDraft();
  }

  /** The files of the draft, each with 編集 (back into the editor) and 外す (out of the proposal). */
  function showDraft() {
    document.querySelectorAll('#models tr').forEach(row => {
      row.classList.toggle('opened', !!opened && row.dataset.resource === opened.name);
      row.classList.toggle('in-draft', draft.has(row.dataset.resource));
    });
    document.getElementById('draft').hidden = draft.size === 0;
    document.getElementById('draft-count').textContent = draft.size + ' 件';
    document.getElementById('draft-files').replaceChildren(...[...draft.values()].map(entry => {
      const editButton = el('button', {type: 'button', class: 'small edit-draft',
        'aria-label': entry.name + ' を編集'}, '編集');
      editButton.disabled = opened === entry;
      editButton.addEventListener('click', guarded(async () => {
        clearMessage();
        await keepEdit();
        await edit(entry);
      }));
      const remove = el('button', {type: 'button', class: 'small remove-draft',
        'aria-label': entry.name + ' を申請から外す'}, '外す');
      remove.addEventListener('click', guarded(() => removeFromDraft(entry.name)));
      return el('li', {'data-file': entry.name, class: opened === entry ? 'opened' : null},
        el('span', {class: 'kind'}, KINDS[entry.kind] || entry.kind), ' ', el('strong', {}, entry.name),
        el('span', {class: 'muted'}, ' (版 ' + entry.version + ' をもとに編集' + (opened === entry ? '中' : '') + ')'),
        ' ', editButton, ' ', remove);
    }));
  }

  /** Takes a file out of the draft; the editor moves to the last file left, or closes. */
  async function removeFromDraft(name) {
    clearMessage();
    await keepEdit();
    const removed = draft.get(name);
    draft.delete(name);
    document.getElementById('findings-section').hidden = true;
    document.getElementById('dry-run-section').hidden = true;
    if (opened === removed) {
      opened = null;
      const rest = [...draft.values()];
      if (rest.length) {
        await edit(rest[rest.length - 1]);
        return;
      }
      closeEditor();
    }
    showDraft();
  }

  function closeEditor() {
    opened = null;
    show(null);
    document.getElementById('opened').textContent = 'モデルを選んでください';
    ['check', 'dry-run', 'save-file'].forEach(id => document.getElementById(id).disabled = true);
    document.getElementById('proposal-section').hidden = true;
  }

  /** Every file of the draft as the server takes them: [{name, content}], the editor's newest edit included. */
  async function draftFiles() {
    await keepEdit();
    return [...draft.values()].map(entry => ({name: entry.name, content: entry.content}));
  }

  /** The edited file as the server takes it: {name, content}. */
  async function editedFile() {
    if (opened.kind === 'BPMN') {
      return {name: opened.name, content: (await bpmn.saveXML({format: true})).xml};
    }
    if (opened.kind === 'DMN') {
      return {name: opened.name, content: (await dmn.saveXML({format: true})).xml};
    }
    return {name: opened.name, content: JSON.stringify(form.saveSchema(), null, 2)};
  }

  /** Selects and shows an element of the opened BPMN (a finding's element). */
  function reveal(elementId) {
    if (!bpmn || !opened || opened.kind !== 'BPMN') {
      return;
    }
    const element = bpmn.get('elementRegistry').get(elementId);
    if (element) {
      bpmn.get('selection').select(element);
      bpmn.get('canvas').scrollToElement(element);
    }
  }

  function showFindings(findings, source) {
    const section = document.getElementById('findings-section');
    section.hidden = false;
    const errors = findings.filter(f => f.severity === 'ERROR').length;
    const summary = document.getElementById('findings-summary');
    summary.className = errors ? 'error' : 'ok';
    summary.textContent = findings.length === 0 ? '問題は見つかりませんでした。申請できます。'
      : 'エラー ' + errors + ' 件、警告 ' + (findings.length - errors) + ' 件'
        + (errors ? ' (エラーがあると申請できません)' : '');
    document.getElementById('findings').hidden = findings.length === 0;
    document.querySelector('#findings tbody').replaceChildren(...findings.map(finding => {
      const row = el('tr', {class: 'severity-' + finding.severity, 'data-element': finding.element || null},
        el('td', {class: 'severity'}, SEVERITIES[finding.severity] || finding.severity),
        el('td', {}, finding.source || source || 'サーバー'),
        el('td', {}, finding.file || ''),
        el('td', {class: 'element'}, finding.element || ''),
        el('td', {}, finding.rule || ''),
        el('td', {class: 'wrap', title: finding.messageEn || ''}, finding.message || finding.messageEn || ''));
      if (finding.element) {
        row.addEventListener('click', () => reveal(finding.element));
      }
      return row;
    }));
  }

  /** bpmnlint in the browser (the opened BPMN), with the repository's .bpmnlintrc. */
  async function browserLint() {
    if (opened.kind !== 'BPMN') {
      return [];
    }
    const reports = await E.lint(bpmn.getDefinitions());
    return reports.map(report => ({severity: report.category === 'error' ? 'ERROR' : 'WARNING', file: opened.name,
      element: report.element, rule: 'bpmnlint/' + report.rule, message: report.message, messageEn: report.message,
      source: 'ブラウザ (bpmnlint)'}));
  }

  async function check() {
    clearMessage();
    const files = await draftFiles();
    const [local, server] = await Promise.all([browserLint(), post('/api/design/checks', {files})]);
    if (server.status === 400) {
      throw new ApiError(400, server.body.error || '検査できませんでした');
    }
    const remote = (server.body.findings || []).map(f => Object.assign({source: 'サーバー'}, f));
    showFindings(local.concat(remote));
  }

  function outcome(values) {
    if (!values) {
      return '(該当なし)';
    }
    const entries = Object.entries(values);
    return entries.length === 1 ? String(entries[0][1]) : entries.map(([k, v]) => k + '=' + v).join(', ');
  }

  function decisionTable(decision) {
    const inputs = decision.inputs || [];
    const rows = decision.rows || [];
    const changed = rows.filter(row => row.changed).length;
    return el('div', {class: 'dry-decision', 'data-decision': decision.decisionKey},
      el('h4', {}, '決定表 ' + decision.decisionKey + ': 見本 ' + rows.length + ' 件中 ' + changed + ' 件で結果が変わります'),
      el('div', {class: 'scroll'}, el('table', {class: 'data'},
        el('thead', {}, el('tr', {}, inputs.map(input => el('th', {}, input)), el('th', {}, '現行'),
          el('th', {}, '変更後'))),
        el('tbody', {}, rows.map(row => el('tr', {class: row.changed ? 'changed' : null},
          inputs.map(input => el('td', {}, row.sample && input in row.sample ? String(row.sample[input]) : '')),
          el('td', {class: 'old'}, outcome(row.old)),
          el('td', {class: 'new'}, outcome(row.new))))))));
  }

  function pathList(paths, marks) {
    return el('ol', {}, (paths || []).map(path => el('li', {class: 'path'}, (path.path || []).map(step =>
      el('span', {class: 'step ' + (marks[step.id] || ''), 'data-element': step.id},
        (step.name || step.id) + (step.roles && step.roles.length ? ' [' + step.roles.join(', ') + ']' : ''))))));
  }

  function processPaths(process) {
    const marks = {};
    (process.added || []).forEach(id => marks[id] = 'added');
    (process.removed || []).forEach(id => marks[id] = 'removed');
    (process.changed || []).forEach(id => marks[id] = 'changed');
    return el('div', {class: 'dry-process', 'data-process': process.processKey},
      el('h4', {}, 'フロー ' + process.processKey + ' の経路 (ユーザータスクと役割)'),
      el('div', {class: 'paths'},
        el('div', {}, el('h5', {}, '現行'), pathList(process.old, marks)),
        el('div', {}, el('h5', {}, '変更後'), pathList(process.new, marks))));
  }

  /** Both diagrams side by side, the differences of bpmn-js-differ marked on them. */
  async function visualDiff(oldXml, newXml) {
    document.getElementById('visual-diff').hidden = false;
    if (!diffViewers) {
      diffViewers = {old: E.bpmnViewer(document.getElementById('diff-old')),
        new: E.bpmnViewer(document.getElementById('diff-new'))};
    }
    await diffViewers.old.importXML(oldXml);
    await diffViewers.new.importXML(newXml);
    const changes = E.compare(diffViewers.old.getDefinitions(), diffViewers.new.getDefinitions());
    const mark = (viewer, ids, marker) => {
      const registry = viewer.get('elementRegistry');
      ids.forEach(id => registry.get(id) && viewer.get('canvas').addMarker(id, marker));
    };
    mark(diffViewers.old, changes.removed, 'diff-removed');
    mark(diffViewers.old, changes.changed, 'diff-changed');
    mark(diffViewers.new, changes.added, 'diff-added');
    mark(diffViewers.new, changes.changed, 'diff-changed');
    mark(diffViewers.new, changes.layoutChanged, 'diff-moved');
    diffViewers.old.get('canvas').zoom('fit-viewport');
    diffViewers.new.get('canvas').zoom('fit-viewport');
    return changes;
  }

  async function dryRun() {
    clearMessage();
    const files = await draftFiles();
    const answer = await post('/api/design/dry-run', {files});
    if (answer.status === 400) {
      throw new ApiError(400, answer.body.error || '試行できませんでした');
    }
    const result = answer.body;
    document.getElementById('dry-run-section').hidden = false;
    document.getElementById('dry-run-decisions').replaceChildren(...(result.decisions || []).map(decisionTable));
    document.getElementById('dry-run-processes').replaceChildren(...(result.processes || []).map(processPaths));
    if (result.findings && result.findings.length) {
      showFindings(result.findings.map(f => Object.assign({source: 'サーバー'}, f)));
    }
    document.getElementById('visual-diff').hidden = true;
    // the flow in the editor, or else the first flow of the draft
    const flow = opened.kind === 'BPMN' ? opened : [...draft.values()].find(entry => entry.kind === 'BPMN');
    if (flow) {
      document.getElementById('visual-diff-file').textContent = flow.name;
      await visualDiff(flow.original, flow.content);
    }
  }

  async function propose(event) {
    event.preventDefault();
    clearMessage();
    const result = document.getElementById('proposal-result');
    result.replaceChildren();
    const files = await draftFiles();
    const answer = await post('/api/design/proposals', {
      files,
      reason: document.getElementById('reason').value.trim(),
      clauses: document.getElementById('clauses').value.trim(),
      procedureChange: document.getElementById('procedure-change').checked
    });
    if (answer.status === 400) {
      const body = answer.body;
      result.append(el('p', {class: 'error', role: 'alert'}, (body.error || '申請できませんでした')
        + (body.field ? ' (' + body.field + ')' : '')));
      if (body.findings) {
        showFindings(body.findings.map(f => Object.assign({source: 'サーバー'}, f)));
      }
      return;
    }
    // the draft is filed: the page starts a new one
    draft.clear();
    closeEditor();
    showDraft();
    document.getElementById('proposal-section').hidden = false;
    document.getElementById('proposal').reset();
    result.append(el('p', {class: 'ok', role: 'status', id: 'proposed', 'data-business-key': answer.body.businessKey,
      'data-files': files.map(file => file.name).join(' ')},
    '申請しました: ' + answer.body.businessKey + ' (' + files.map(file => file.name).join('、') + ')。'
      + '情報セキュリティ責任者の承認後にデプロイされます。'),
    el('p', {}, el('a', {href: '/my/'}, '申請一覧で確認する')));
  }

  async function saveFile() {
    const file = await editedFile();
    const blob = new Blob([file.content], {type: opened.kind === 'FORM' ? 'application/json' : 'application/xml'});
    const link = el('a', {href: URL.createObjectURL(blob), download: file.name});
    document.body.append(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  function guarded(action) {
    return event => Promise.resolve(action(event)).catch(fail);
  }

  async function start() {
    document.getElementById('check').addEventListener('click', guarded(check));
    document.getElementById('dry-run').addEventListener('click', guarded(dryRun));
    document.getElementById('save-file').addEventListener('click', guarded(saveFile));
    document.getElementById('proposal').addEventListener('submit', guarded(propose));
    try {
      const me = await get('/api/my');
      csrfToken = me.csrfToken || '';
      document.getElementById('reader').textContent = me.name + ' (' + me.userId + ')';
      await loadModels();
      const revision = await get('/api/design/revision');
      if (revision && revision.revision) {
        document.getElementById('revision').textContent = '規程の版 ' + revision.revision;
      }
    } catch (error) {
      fail(error);
    }
  }

  start();
})();
