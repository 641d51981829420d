/* 組織の管理 (index.html): departments and sections, organisation import, one-time passwords. */
'use strict';
(() => {
  const message = document.getElementById('message');

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    children.forEach(child => element.append(child));
    return element;
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /** Calls /api; answers the JSON body, or throws an Error with the server's Japanese message. */
  async function api(method, path, body) {
    const headers = {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()};
    const options = {method, headers, credentials: 'same-origin'};
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(json.message || ('エラー (HTTP ' + response.status + ')'));
      error.body = json;
      throw error;
    }
    return json;
  }

  function show(kind, text) {
    message.replaceChildren(el('p', {class: kind}, text));
  }

  /** Runs a change, then shows the list as it is now, then says what was done (or why not). */
  async function act(action, done) {
    try {
      await action();
    } catch (error) {
      show('error', error.message);
      return;
    }
    await load();
    show('ok', done);
  }

  function row(unit, isSection) {
    const name = el('input', {value: unit.name, 'aria-label': unit.code + ' の名前'});
    const actions = el('div', {class: 'actions'});
    if (!unit.closed) {
      const rename = el('button', {type: 'button', 'data-action': 'rename'}, '名前を保存');
      rename.addEventListener('click', () => act(() => api('PUT', (isSection ? '/api/organisation/sections/'
        : '/api/organisation/departments/') + encodeURIComponent(unit.code), {name: name.value}),
      unit.code + ' の名前を「' + name.value + '」に変更しました'));
      const close = el('button', {type: 'button', 'data-action': 'close'}, '閉鎖');
      close.addEventListener('click', () => act(() => api('POST', (isSection ? '/api/organisation/sections/'
        : '/api/organisation/departments/') + encodeURIComponent(unit.code) + '/close'), unit.code + ' を閉鎖しました'));
      actions.append(name, rename, close);
      if (!isSection) {
        const code = el('input', {placeholder: '課コード', 'aria-label': unit.code + ' に追加する課のコード'});
        const sectionName = el('input', {placeholder: '課名', 'aria-label': unit.code + ' に追加する課の名前'});
        const add = el('button', {type: 'button', 'data-action': 'add-section'}, '課を追加');
        add.addEventListener('click', () => act(() => api('POST', '/api/organisation/departments/'
          + encodeURIComponent(unit.code) + '/sections', {code: code.value, name: sectionName.value}),
        '課「' + sectionName.value + '」を追加しました'));
        actions.append(code, sectionName, add);
      }
    }
    return el('tr', {class: (isSection ? 'section' : 'department') + (unit.closed ? ' closed' : ''),
      'data-code': unit.code},
    el('td', {}, unit.code), el('td', {}, unit.name + (unit.nameEn ? ' (' + unit.nameEn + ')' : '')),
    el('td', {}, String(unit.persons)), el('td', {}, String(unit.openRequests)),
    el('td', {class: 'state'}, unit.closed ? '閉鎖' : '運用中'), el('td', {}, actions));
  }

  async function load() {
    try {
      const departments = await api('GET', '/api/organisation/departments');
      const rows = [];
      departments.forEach(department => {
        rows.push(row(department, false));
        department.sections.forEach(section => rows.push(row(section, true)));
      });
      document.querySelector('#units tbody').replaceChildren(...rows);
    } catch (error) {
      show('error', error.message);
    }
  }

  document.getElementById('add-department').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    const field = name => form.elements.namedItem(name).value;
    act(() => api('POST', '/api/organisation/departments', {code: field('code'), name: field('name'),
      nameEn: field('nameEn')}), '部門「' + field('name') + '」を追加しました').then(() => form.reset());
  });

  async function importFile(check) {
    const form = document.getElementById('import');
    const target = document.getElementById('import-result');
    const data = new FormData(form);
    data.set('check', String(check));
    target.replaceChildren();
    try {
      const result = await api('POST', '/api/organisation/imports', data);
      target.replaceChildren(el('p', {class: 'ok'}, check
        ? '誤りはありません: 部門 ' + result.departments + '、従業員 ' + result.persons + ' 名'
        : '取り込みました: 部門 ' + result.departments + '、課 ' + result.sections + '、追加した従業員 '
          + result.createdPersons.length + ' 名、登録済み ' + result.existingPersons.length + ' 名'
          + (result.missingPersons.length ? '。ファイルにない従業員 (削除していません): '
            + result.missingPersons.join(', ') : '')));
      await load();
    } catch (error) {
      const problems = (error.body && error.body.problems) || [];
      target.replaceChildren(el('p', {class: 'error'}, error.message),
        ...(problems.length ? [el('table', {class: 'data', id: 'problems'},
          el('thead', {}, el('tr', {}, el('th', {}, '行'), el('th', {}, '項目'), el('th', {}, '理由'))),
          el('tbody', {}, ...problems.map(p => el('tr', {}, el('td', {}, p.line > 0 ? String(p.line) : 'ファイル'),
            el('td', {}, p.field), el('td', {}, p.message)))))] : []));
    }
  }

  document.getElementById('import').addEventListener('submit', event => {
    event.preventDefault();
    importFile(false);
  });
  document.getElementById('import-check').addEventListener('click', () => importFile(true));

  document.getElementById('one-time-password').addEventListener('submit', async event => {
    event.preventDefault();
    const target = document.getElementById('password-result');
    const userId = event.target.elements.namedItem('userId').value;
    target.replaceChildren();
    try {
      const result = await api('POST', '/api/accounts/' + encodeURIComponent(userId) + '/one-time-password');
      target.replaceChildren(el('p', {}, result.userId + ' のワンタイムパスワード:'),
        el('p', {class: 'password', id: 'issued-password'}, result.oneTimePassword), el('p', {class: 'hint'}, result.message));
      event.target.reset();
    } catch (error) {
      target.replaceChildren(el('p', {class: 'error'}, error.message));
    }
  });

  load();
})();
