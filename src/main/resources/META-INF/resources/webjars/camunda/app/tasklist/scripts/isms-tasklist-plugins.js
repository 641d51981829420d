// isms-approval: the 添付ファイル tab of the task view (tasklist.task.detail), 申請一覧, 一括承認 and 代理承認 in the
// navigation bar (tasklist.navbar.action), the notice after filing (the request number and whom it waits for), a
// search of the 情報資産管理台帳 beside every form's asset id field, Camunda Forms in Japanese (dates 2026/12/07) and
// a refused submission explained beside the button. All call the product's /api in the Tasklist session; the server
// checks everything again.
const EN = window.localStorage.getItem('isms-locale') === 'en';
const T = EN ? {
  attachments: 'Attachments', name: 'Name', type: 'Type', size: 'Size', by: 'Uploaded by', at: 'Date',
  none: 'No attachments.', upload: 'Upload', remove: 'Remove', confirmRemove: 'Remove this attachment?',
  choose: 'PDF, PNG or JPEG, at most 10 MB', tooLarge: 'The file must be 10 MB or smaller.',
  wrongType: 'Only PDF, PNG and JPEG files can be attached.', notThatType: 'The content of the file is not ',
  uploaded: 'Uploaded.', removed: 'Removed.', failed: 'Failed: ',
  kind: 'Document', chooseKind: '— choose the document —', kindMissing: 'Choose which document this file is.',
  bulk: 'Bulk approve', bulkTitle: 'Bulk approval', bulkNone: 'No tasks can be approved in bulk.',
  comment: 'Comment (for all selected)', approveSelected: 'Approve selected', close: 'Close',
  selectSome: 'Select at least one task.', ok: 'Approved', refused: 'Refused', request: 'Request', task: 'Task',
  flows: 'Flows that may be approved in bulk: ',
  substitutes: 'Substitutes', substitutesTitle: 'Substitutes (代理承認)', principal: 'Approver', substitute: 'Substitute',
  from: 'From', to: 'To', reason: 'Reason', nominate: 'Name substitute', revoke: 'Revoke',
  noSubstitutes: 'No substitutes named.', substituteHint: 'User id of the colleague who approves for you',
  assetSearch: 'Search the information asset register (id or name)', classification: 'Classification',
  owner: 'Owner', noAssets: 'No asset you may use matches.',
  myRequests: 'My requests', myRequestsTitle: 'Every request you filed, and what you decided',
  startedOk: 'The process has been started.', filed: (key) => 'Request ' + key + ' filed. ',
  waitsFor: (who) => 'It waits for ' + who + '.', yourStep: (step) => 'Next: your step “' + step + '”.',
  filedState: (state) => 'State: ' + state + '.'
} : {
  attachments: '添付ファイル', name: 'ファイル名', type: '種類', size: 'サイズ', by: '登録者', at: '登録日時',
  none: '添付ファイルはありません。', upload: 'アップロード', remove: '削除', confirmRemove: 'この添付ファイルを削除しますか？',
  choose: 'PDF・PNG・JPEG、10MB 以下', tooLarge: 'ファイルは 10MB 以下にしてください。',
  wrongType: '添付できるのは PDF・PNG・JPEG のファイルのみです。', notThatType: 'ファイルの内容が次の形式ではありません: ',
  uploaded: 'アップロードしました。', removed: '削除しました。', failed: 'エラー: ',
  kind: '書類の種類', chooseKind: '— 書類の種類を選んでください —', kindMissing: 'どの書類かを選んでください。',
  bulk: '一括承認', bulkTitle: '一括承認', bulkNone: '一括承認できるタスクはありません。',
  comment: 'コメント (選択したすべてに記録されます)', approveSelected: '選択したタスクを承認する', close: '閉じる',
  selectSome: 'タスクを 1 件以上選んでください。', ok: '承認しました', refused: '承認できません', request: '申請番号',
  task: 'タスク', flows: '一括承認の対象フロー: ',
  substitutes: '代理承認', substitutesTitle: '代理承認の設定', principal: '承認者', substitute: '代理人',
  from: '開始日', to: '終了日', reason: '理由', nominate: '代理人を指名する', revoke: '取り消す',
  noSubstitutes: '代理人は指名されていません。', substituteHint: '代わりに承認する人のユーザーID (例: watanabe)',
  assetSearch: '情報資産管理台帳を検索 (ID または名称の一部)', classification: '機密性', owner: '管理責任者',
  noAssets: '利用できる情報資産で該当するものはありません。',
  myRequests: '申請一覧', myRequestsTitle: '自分が申請したすべての申請と、自分が判断した申請',
  startedOk: '申請しました。', filed: (key) => key + ' を申請しました。',
  waitsFor: (who) => who + ' さんの承認待ちです', yourStep: (step) => '次は「' + step + '」です',
  filedState: (state) => '状態: ' + state
};

const MAX_BYTES = 10 * 1024 * 1024;
const FORMATS = [
  { name: 'PDF', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { name: 'PNG', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] }
];

// the product's /api sits beside the webapps (app-root is /camunda)
function productApi() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '') + '/api';
}

// read at every call: the token changes when the session is renewed
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

// the product's zone (isms.time-zone), named by every answer of /api: times and today's date are shown in it, never in
// the browser's own zone; null until the first answer
let productZone = null;

function learnZone(response) {
  productZone = response.headers.get('Isms-Time-Zone') || productZone;
}

async function call(method, path, body, json) {
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (json) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(productApi() + path, {
    method, headers, credentials: 'same-origin', body: json ? JSON.stringify(body) : body
  });
  learnZone(response);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = { message: text };
  }
  if (!response.ok) {
    throw new Error((data && data.message) || response.status);
  }
  return data;
}

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === 'onclick' || key === 'onchange') {
      element.addEventListener(key.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => element.append(child instanceof Node ? child : String(child ?? '')));
  return element;
}

function formatSize(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + ' MB'
    : bytes >= 1024 ? Math.round(bytes / 1024) + ' KB' : bytes + ' B';
}

function formatDate(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (isNaN(date) || !productZone) {
    return value;
  }
  try {
    return new Intl.DateTimeFormat(EN ? 'en-GB' : 'ja-JP', {
      timeZone: productZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
    }).format(date);
  } catch (unknownZone) {
    return value;
  }
}

/** Today in the product's zone, yyyy-MM-dd (as a date input takes it); '' before the zone is known. */
function today() {
  if (!productZone) {
    return '';
  }
  const parts = {};
  new Intl.DateTimeFormat('en-GB', { timeZone: productZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).forEach((part) => {
      parts[part.type] = part.value;
    });
  return parts.year + '-' + parts.month + '-' + parts.day;
}

/** The browser's own check before the upload (the server checks the same again). */
async function checkFile(file) {
  if (file.size > MAX_BYTES) {
    return T.tooLarge;
  }
  const extension = (file.name.split('.').pop() || '').toLowerCase();
  const format = FORMATS.find((f) => f.extensions.includes(extension));
  if (!format) {
    return T.wrongType;
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (!format.magic.every((byte, i) => head[i] === byte)) {
    return T.notThatType + format.name;
  }
  return null;
}

// ---------------------------------------------------------------- 添付ファイル

function renderAttachments(node, { taskId, api }) {
  const root = el('div', { class: 'isms-attachments' });
  node.innerHTML = '';
  node.appendChild(root);
  let processInstanceId = null;
  let kinds = null;
  const message = el('div', { class: 'isms-message', role: 'status' });

  function kindName(item) {
    const kind = (kinds || []).find((k) => k.code === item.type);
    return kind ? (EN ? kind.labelEn : kind.label) : item.kindLabel;
  }

  function show(text, error) {
    message.textContent = text || '';
    message.className = 'isms-message' + (error ? ' text-danger' : ' text-success');
  }

  async function load() {
    if (!processInstanceId) {
      const response = await fetch(api.engineApi + '/task/' + encodeURIComponent(taskId),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      processInstanceId = (await response.json()).processInstanceId;
    }
    if (!processInstanceId) {
      // a task created by hand in Tasklist belongs to no request
      root.replaceChildren(el('p', { class: 'isms-no-attachments' }, T.none));
      return;
    }
    const base = '/requests/' + encodeURIComponent(processInstanceId) + '/attachments';
    let items;
    try {
      if (kinds === null) {
        // the flow's kinds of document (e.g. the documents of 8.1.5 for a re-subcontracting request); empty: any
        kinds = await call('GET', base + '/kinds');
      }
      items = await call('GET', base);
    } catch (e) {
      root.replaceChildren(el('p', { class: 'text-danger' }, e.message));
      return;
    }
    const rows = items.map((item) => el('tr', { 'data-attachment': item.id },
      el('td', {}, el('a', { href: productApi() + base + '/' + encodeURIComponent(item.id), download: item.name },
        item.name)),
      el('td', {}, kindName(item) || item.type || ''),
      el('td', {}, formatSize(item.size)),
      el('td', {}, item.uploadedByName || item.uploadedBy || ''),
      el('td', {}, formatDate(item.uploadedAt)),
      el('td', {}, item.removable ? el('button', {
        type: 'button', class: 'btn btn-xs btn-default isms-remove', onclick: async () => {
          if (!window.confirm(T.confirmRemove)) {
            return;
          }
          try {
            await call('DELETE', base + '/' + encodeURIComponent(item.id));
            await load();
            show(T.removed);
          } catch (e) {
            show(T.failed + e.message, true);
          }
        }
      }, T.remove) : '')));
    const table = items.length ? el('table', { class: 'table table-condensed isms-attachment-list' },
      el('thead', {}, el('tr', {}, el('th', {}, T.name), el('th', {}, T.type), el('th', {}, T.size),
        el('th', {}, T.by), el('th', {}, T.at), el('th', {}))),
      el('tbody', {}, rows)) : el('p', { class: 'isms-no-attachments' }, T.none);

    const kindSelect = kinds.length ? el('select', { class: 'form-control input-sm isms-kind', 'aria-label': T.kind },
      el('option', { value: '' }, T.chooseKind),
      kinds.map((kind) => el('option', { value: kind.code }, EN ? kind.labelEn : kind.label))) : null;
    const input = el('input', { type: 'file', class: 'isms-file', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg' });
    const button = el('button', {
      type: 'button', class: 'btn btn-sm btn-primary isms-upload', onclick: async () => {
        const file = input.files && input.files[0];
        if (!file) {
          show(T.choose, true);
          return;
        }
        if (kindSelect && !kindSelect.value) {
          show(T.kindMissing, true);
          return;
        }
        const problem = await checkFile(file);
        if (problem) {
          show(problem, true);
          return;
        }
        const form = new FormData();
        form.append('file', file, file.name);
        form.append('taskId', taskId);
        if (kindSelect) {
          form.append('kind', kindSelect.value);
        }
        button.disabled = true;
        try {
          await call('POST', base, form, false);
          await load();
          show(T.uploaded);
        } catch (e) {
          show(T.failed + e.message, true);
        } finally {
          button.disabled = false;
        }
      }
    }, T.upload);
    root.replaceChildren(table, el('div', { class: 'isms-upload-form form-inline' }, kindSelect || '', ' ', input, ' ',
      button, ' ',
      el('small', { class: 'text-muted' }, T.choose)), message);
  }

  load();
}

// ---------------------------------------------------------------- 一括承認

function openBulkApproval() {
  document.getElementById('isms-bulk-overlay')?.remove();
  const body = el('div', { class: 'isms-bulk-body' });
  const overlay = el('div', { id: 'isms-bulk-overlay', role: 'dialog', 'aria-modal': 'true' },
    el('div', { class: 'isms-bulk-panel' },
      el('h3', {}, T.bulkTitle),
      body,
      el('button', {
        type: 'button', class: 'btn btn-default isms-bulk-close', onclick: () => {
          overlay.remove();
          window.location.reload();
        }
      }, T.close)));
  document.body.appendChild(overlay);

  call('GET', '/tasks/bulk-approvable').then((data) => {
    if (!data.tasks.length) {
      body.replaceChildren(el('p', {}, T.bulkNone));
      return;
    }
    const rows = data.tasks.map((task) => el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', class: 'isms-bulk-task', id: 'isms-bulk-' + task.taskId,
        value: task.taskId })),
      el('td', {}, el('label', { for: 'isms-bulk-' + task.taskId }, task.description || task.name)),
      el('td', {}, task.name),
      el('td', {}, formatDate(task.created))));
    const comment = el('textarea', { class: 'form-control isms-bulk-comment', rows: '2', maxlength: '4000' });
    const results = el('div', { class: 'isms-bulk-results' });
    const approve = el('button', {
      type: 'button', class: 'btn btn-primary isms-bulk-approve', onclick: async () => {
        const taskIds = [...body.querySelectorAll('.isms-bulk-task:checked')].map((box) => box.value);
        if (!taskIds.length) {
          results.replaceChildren(el('p', { class: 'text-danger' }, T.selectSome));
          return;
        }
        approve.disabled = true;
        try {
          const outcome = await call('POST', '/tasks/bulk-approve', { taskIds, comment: comment.value }, true);
          results.replaceChildren(el('table', { class: 'table table-condensed isms-bulk-result-list' },
            el('thead', {}, el('tr', {}, el('th', {}, T.request), el('th', {}, ''), el('th', {}, ''))),
            el('tbody', {}, outcome.results.map((r) => el('tr', { class: r.ok ? 'success' : 'danger' },
              el('td', {}, r.businessKey || r.taskId), el('td', {}, r.ok ? T.ok : T.refused),
              el('td', {}, r.ok ? '' : r.message))))));
          outcome.results.filter((r) => r.ok).forEach((r) => {
            const box = document.getElementById('isms-bulk-' + r.taskId);
            if (box) {
              box.checked = false;
              box.disabled = true;
            }
          });
        } catch (e) {
          results.replaceChildren(el('p', { class: 'text-danger' }, T.failed + e.message));
        } finally {
          approve.disabled = false;
        }
      }
    }, T.approveSelected);
    body.replaceChildren(
      el('p', { class: 'text-muted' }, T.flows + data.flows.join(', ')),
      el('table', { class: 'table table-condensed isms-bulk-list' },
        el('thead', {}, el('tr', {}, el('th', {}), el('th', {}, T.request), el('th', {}, T.task), el('th', {}, T.at))),
        el('tbody', {}, rows)),
      el('label', {}, T.comment), comment, el('p', {}), approve, results);
  }).catch((e) => body.replaceChildren(el('p', { class: 'text-danger' }, T.failed + e.message)));
}

function renderBulkButton(node) {
  node.replaceChildren(el('a', { href: '', id: 'isms-bulk-approval', class: 'isms-bulk-link', title: T.bulkTitle,
    onclick: (event) => {
      event.preventDefault();
      openBulkApproval();
    } }, el('span', { class: 'glyphicon glyphicon-check' }), ' ', T.bulk));
}

// ---------------------------------------------------------------- 代理承認

function openSubstitutes() {
  document.getElementById('isms-bulk-overlay')?.remove();
  const body = el('div', { class: 'isms-bulk-body' });
  const overlay = el('div', { id: 'isms-bulk-overlay', role: 'dialog', 'aria-modal': 'true' },
    el('div', { class: 'isms-bulk-panel' },
      el('h3', {}, T.substitutesTitle),
      body,
      el('button', { type: 'button', class: 'btn btn-default isms-bulk-close', onclick: () => overlay.remove() },
        T.close)));
  document.body.appendChild(overlay);
  const substitute = el('input', { class: 'form-control', id: 'isms-substitute', placeholder: T.substituteHint });
  const from = el('input', { class: 'form-control', type: 'date', id: 'isms-substitute-from' });
  const to = el('input', { class: 'form-control', type: 'date', id: 'isms-substitute-to' });
  // today in the product's zone: at once when an earlier answer of /api has named it, else after the list below
  const startToday = () => {
    [from, to].filter((input) => !input.value).forEach((input) => {
      input.value = today();
    });
  };
  startToday();
  const reason = el('input', { class: 'form-control', id: 'isms-substitute-reason', maxlength: '500' });
  const message = el('div', { class: 'isms-bulk-results' });
  const list = el('div', {});

  const refresh = () => call('GET', '/substitutes').then((rows) => {
    if (!rows.length) {
      list.replaceChildren(el('p', {}, T.noSubstitutes));
      return;
    }
    list.replaceChildren(el('table', { class: 'table table-condensed isms-substitute-list' },
      el('thead', {}, el('tr', {}, el('th', {}, T.principal), el('th', {}, T.substitute), el('th', {}, T.from),
        el('th', {}, T.to), el('th', {}, T.reason), el('th', {}))),
      el('tbody', {}, rows.map((row) => el('tr', {},
        el('td', {}, row.principal), el('td', {}, row.substitute), el('td', {}, row.validFrom),
        el('td', {}, row.validTo), el('td', {}, row.reason || ''),
        el('td', {}, el('button', { type: 'button', class: 'btn btn-link', onclick: () =>
          call('DELETE', '/substitutes/' + row.id).then(refresh)
            .catch((e) => message.replaceChildren(el('p', { class: 'text-danger' }, T.failed + e.message))) },
        T.revoke)))))));
  }).catch((e) => list.replaceChildren(el('p', { class: 'text-danger' }, T.failed + e.message)));

  const nominate = el('button', { type: 'button', class: 'btn btn-primary', id: 'isms-substitute-nominate',
    onclick: () => call('POST', '/substitutes', { substitute: substitute.value.trim(), validFrom: from.value,
      validTo: to.value, reason: reason.value }, true)
      .then(() => {
        message.replaceChildren();
        refresh();
      })
      .catch((e) => message.replaceChildren(el('p', { class: 'text-danger' }, T.failed + e.message))) }, T.nominate);
  body.replaceChildren(list,
    el('label', { for: 'isms-substitute' }, T.substitute), substitute,
    el('label', { for: 'isms-substitute-from' }, T.from), from,
    el('label', { for: 'isms-substitute-to' }, T.to), to,
    el('label', { for: 'isms-substitute-reason' }, T.reason), reason,
    el('p', {}), nominate, message);
  refresh().finally(startToday);
}

function renderSubstitutesButton(node) {
  node.replaceChildren(el('a', { href: '', id: 'isms-substitutes', class: 'isms-bulk-link', title: T.substitutesTitle,
    onclick: (event) => {
      event.preventDefault();
      openSubstitutes();
    } }, el('span', { class: 'glyphicon glyphicon-user' }), ' ', T.substitutes));
}

// 情報資産の選択 (3.1, 3.1.4): a search of the assets the user may use, beside the asset id field of the forms; a chosen
// asset's id goes into the field and its classification and owner are shown. The server reads them from the register.
function assetIdsOf(text) {
  return (text || '').split(/[,、\s]+/).map((id) => id.trim().toUpperCase()).filter((id) => id);
}

function setFieldValue(input, value) {
  // form-js keeps its own state: set the value as typing would, then tell it
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // form-js takes typed text after a short delay, or at once when the field loses focus: flush it now, so that a
  // re-render in between cannot drop the chosen ids
  input.dispatchEvent(new FocusEvent('blur'));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

function attachAssetPicker(input) {
  if (input.dataset.ismsAssets) {
    return;
  }
  input.dataset.ismsAssets = 'true';
  const search = el('input', { type: 'search', class: 'form-control isms-asset-search', placeholder: T.assetSearch,
    'aria-label': T.assetSearch });
  const results = el('ul', { class: 'list-unstyled isms-asset-results' });
  const chosen = el('div', { class: 'isms-asset-chosen' });
  const describe = () => Promise.all(assetIdsOf(input.value).map((id) =>
    call('GET', '/assets/' + encodeURIComponent(id)).catch(() => null)))
    .then((assets) => chosen.replaceChildren(...assets.filter((asset) => asset).map((asset) => el('div',
      { class: 'isms-asset-described', 'data-asset-id': asset.assetId }, asset.assetId + ' ' + asset.name + ' — '
        + T.classification + ': ' + asset.classificationLabel + ' / ' + T.owner + ': '
        + asset.ownerDepartmentName))));
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => call('GET', '/assets?q=' + encodeURIComponent(search.value.trim()))
      .then((assets) => results.replaceChildren(...(assets.length ? assets.map((asset) => el('li', {},
        el('a', { href: '', class: 'isms-asset-option', 'data-asset-id': asset.assetId, onclick: (event) => {
          event.preventDefault();
          const ids = assetIdsOf(input.value).filter((id) => id !== asset.assetId).concat([asset.assetId]);
          setFieldValue(input, ids.join(', '));
          results.replaceChildren();
          describe();
        } }, asset.assetId + ' ' + asset.name + ' (' + asset.classificationLabel + ')'))) : [el('li', {}, T.noAssets)])))
      .catch((e) => results.replaceChildren(el('li', { class: 'text-danger' }, T.failed + e.message))), 250);
  });
  input.addEventListener('change', describe);
  input.parentElement.after(el('div', { class: 'isms-asset-picker' }, search, results, chosen));
  describe();
}

new MutationObserver(() => document.querySelectorAll("input[id*='Field_assetIds']").forEach(attachAssetPicker))
  .observe(document.body, { childList: true, subtree: true });

// ---------------------------------------------------------------- Camunda Forms in Japanese

// form-js 1.8.7 (what Tasklist renders) speaks English only: its select placeholder, validation messages and date
// picker. Dates are shown and typed as 2026/12/07 with 日〜土 and 12月; form-js still stores them as ISO (2026-12-07).
const FORM_TEXT = [
  [/^Select$/, () => '選択してください'],
  [/^Search$/, () => '検索'],
  [/^No results$/, () => '該当なし'],
  [/^Field is required\.$/, () => '入力してください。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => m[1] + ' 文字以上で入力してください。'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => m[1] + ' 文字以内で入力してください。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => m[1] + ' 以上にしてください。'],
  [/^Field must have maximum value of (.+)\.$/, (m) => m[1] + ' 以下にしてください。'],
  [/^Field must match pattern (.+)\.$/, () => '形式が正しくありません。'],
  [/^Field must be a valid number\.$/, () => '数値で入力してください。'],
  [/^Date of incorrect format\.?$/, () => '日付は 2026/12/07 の形で入力してください。']
];
const FORM_PLACEHOLDERS = { 'mm/dd/yyyy': 'yyyy/mm/dd', Search: '検索', 'hh:mm': '時:分' };
const FLATPICKR_JA = {
  weekdays: {
    shorthand: ['日', '月', '火', '水', '木', '金', '土'],
    longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 0,
  rangeSeparator: ' から ',
  time_24hr: true,
  monthAriaLabel: '月',
  yearAriaLabel: '年',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  toggleTitle: 'クリックして切り替え'
};

function localiseForms() {
  document.querySelectorAll('.fjs-container').forEach((container) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      for (const [pattern, translate] of FORM_TEXT) {
        const match = text && pattern.exec(text);
        if (match) {
          node.data = translate(match);
          break;
        }
      }
    }
    container.querySelectorAll('input[placeholder]').forEach((input) => {
      const placeholder = FORM_PLACEHOLDERS[input.getAttribute('placeholder')];
      if (placeholder) {
        input.setAttribute('placeholder', placeholder);
      }
    });
    container.querySelectorAll('input.flatpickr-input').forEach((input) => {
      const picker = input._flatpickr;
      if (picker && !picker.ismsJapanese) {
        picker.ismsJapanese = true;
        picker.set({ locale: FLATPICKR_JA, dateFormat: 'Y/m/d' });
      }
    });
  });
}

// ---------------------------------------------------------------- a refusal where the user looks

/**
 * Tasklist shows the server's refusal of a form at the top of the dialog, in the engine's words: "Cannot instantiate
 * process definition takeOut:1:…: 3.2: … (attestEncryptedChannel)". Say it in the form's words instead (the field's
 * label, the clause), and show it again beside the button the user just pressed.
 */
const ENGINE_PREFIX = /^\s*(?:Cannot instantiate process definition|Cannot submit task form|Cannot complete task)\s+\S+:\s+/;

function fieldLabel(scope, key) {
  // form-js ids end with the form's field id: Field_<key>, numbered where forms share a key (Field_<key>3), and
  // -date for the date part of a date field
  const id = new RegExp('Field_' + key + '\\d*(-date|-time)?$');
  const input = [...scope.querySelectorAll("[id*='Field_" + key + "']")].find((element) => id.test(element.id));
  const field = input && input.closest('.fjs-form-field');
  const label = field && field.querySelector('label');
  return label ? label.textContent.replace(/\*\s*$/, '').trim() : null;
}

function describeRefusal(message, scope) {
  return message.replace(ENGINE_PREFIX, '').split(/;\s+/).map((part) => {
    const refusal = /^(\d+(?:\.\d+)*):\s*(.*?)\s*\((\w+)\)$/.exec(part);
    const input = /^(\w+):\s*(.*)$/.exec(part);
    const [clause, text, key] = refusal ? [refusal[1], refusal[2], refusal[3]]
      : input ? [null, input[2], input[1]] : [null, part, null];
    const label = key ? fieldLabel(scope, key) : null;
    return (label ? '「' + label + '」: ' : '') + text + (clause ? (EN ? ' (clause ' : ' (規程 ') + clause + ')' : '');
  });
}

function showRefusals() {
  document.querySelectorAll('.alert-danger .message').forEach((span) => {
    if (span.dataset.ismsRefusal === span.textContent || !ENGINE_PREFIX.test(span.textContent)) {
      return;
    }
    const scope = span.closest('.modal') || document.querySelector('.task-details, [cam-tasklist-task]') || document;
    const lines = describeRefusal(span.textContent, scope);
    span.textContent = lines.join(' / ');
    span.dataset.ismsRefusal = span.textContent;
    const colon = span.previousElementSibling;
    if (colon && colon.textContent.trim() === ':') {
      colon.style.display = 'none';
    }
    const status = span.parentElement.querySelector('.status');
    const button = scope.querySelector("button[ng-click='startProcessInstance()'], button[ng-click='complete()']");
    const place = button && (button.closest('.modal-footer') || button.parentElement);
    if (!place) {
      return;
    }
    place.parentElement.querySelector('.isms-refusal')?.remove();
    const box = el('div', { class: 'alert alert-danger isms-refusal', role: 'alert' },
      el('strong', {}, status ? status.textContent.trim() : ''), el('ul', {}, lines.map((line) => el('li', {}, line))));
    place.before(box);
    // the box and the button under it in view; again once Tasklist has finished moving the dialog
    const reveal = () => place.scrollIntoView({ block: 'end' });
    reveal();
    window.setTimeout(reveal, 300);
  });
}

let formsScheduled = false;
new MutationObserver(() => {
  if (formsScheduled) {
    return;
  }
  formsScheduled = true;
  window.setTimeout(() => {
    formsScheduled = false;
    if (!EN) {
      localiseForms();
    }
    showRefusals();
  }, 30);
}).observe(document.body, { childList: true, subtree: true, characterData: true });

// ---------------------------------------------------------------- 申請一覧

/** The notice after filing, from the newest of the user's requests: its number and whom it waits for. */
async function describeFiling() {
  const page = await call('GET', '/my/requests?size=1');
  const request = page.items[0];
  if (!request || Date.now() - new Date(request.filedAt).getTime() > 60 * 1000) {
    return null;
  }
  const steps = request.waitingFor || [];
  const mine = steps.find((step) => step.yours);
  const next = steps.find((step) => !step.yours);
  if (next) {
    const role = EN ? next.roleLabelEn : next.roleLabel;
    const people = next.assigneeName || (next.holders || []).join('・');
    return T.filed(request.businessKey) + T.waitsFor([role, people].filter((part) => part).join(' '));
  }
  return T.filed(request.businessKey) + (mine ? T.yourStep(mine.name)
    : T.filedState(EN ? request.stateLabelEn : request.stateLabel));
}

// Tasklist's own notice says only that something started: replace its text once the request is recorded
new MutationObserver((mutations) => mutations.forEach((mutation) => mutation.addedNodes.forEach((node) => {
  if (!(node instanceof Element)) {
    return;
  }
  const notice = [node, ...node.querySelectorAll('*')].find((element) => element.children.length === 0
    && element.textContent.trim() === T.startedOk);
  if (notice) {
    describeFiling().then((text) => {
      if (text) {
        notice.textContent = text;
        notice.classList.add('isms-filed');
      }
    }).catch(() => {});
  }
}))).observe(document.body, { childList: true, subtree: true });

/**
 * Back to the product page (申請一覧, the audit pages) that sent the user here to log in: the navigation bar renders
 * once they are logged in. Only a path of this application, never another site.
 */
function returnAfterLogin() {
  const target = window.sessionStorage.getItem('isms-after-login');
  window.sessionStorage.removeItem('isms-after-login');
  if (target && /^\/(?![\/\\])/.test(target) && !target.startsWith('/camunda/')) {
    window.location.assign(target);
  }
}

function renderMyRequestsLink(node) {
  returnAfterLogin();
  node.replaceChildren(el('a', { href: productApi().replace(/\/api$/, '') + '/my/', id: 'isms-my-requests',
    class: 'isms-bulk-link', title: T.myRequestsTitle }, el('span', { class: 'glyphicon glyphicon-list-alt' }), ' ',
  T.myRequests));
}

export default [
  {
    id: 'isms-attachments',
    pluginPoint: 'tasklist.task.detail',
    priority: 500,
    render: renderAttachments,
    properties: { label: T.attachments }
  },
  {
    id: 'isms-my-requests',
    pluginPoint: 'tasklist.navbar.action',
    priority: 110,
    render: renderMyRequestsLink
  },
  {
    id: 'isms-bulk-approval',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: renderBulkButton
  },
  {
    id: 'isms-substitutes',
    pluginPoint: 'tasklist.navbar.action',
    priority: 90,
    render: renderSubstitutesButton
  }
];
