/*
 * 台帳 (registers.html?register=takeout): every register the server declares, with its filters, a page of rows, the
 * CSV download of the whole filtered register (a plain link: the browser streams it with its login) and printing.
 * The registers' names in English when the product is read in English (localStorage 'isms-locale', the choice of the
 * Camunda webapps and of 申請一覧); the CSV keeps the Japanese name and headers.
 */
'use strict';
(async () => {
  const {el, get, fail, clearMessage, formParams, fillForm, pager} = Audit;
  const form = document.getElementById('filters');
  const actions = form.querySelector('.actions');
  let registers = [];
  let current = null;
  const EN = window.localStorage.getItem('isms-locale') === 'en';

  /** The register's name in the language the product is read in. */
  function title(register) {
    return EN ? register.titleEn : register.title;
  }

  function field(filter) {
    const name = filter.name;
    switch (filter.kind) {
      case 'FLAG':
        return el('label', {class: 'check'}, el('input', {type: 'checkbox', name, value: 'true'}), filter.label);
      case 'CHOICE': {
        const select = el('select', {name});
        Audit.fillSelect(select, filter.options);
        return el('label', {}, filter.label, select);
      }
      case 'DATE':
      case 'DAY_START':
      case 'DAY_END':
        return el('label', {}, filter.label, el('input', {type: 'date', name}));
      default:
        return el('label', {}, filter.label, el('input', {name, autocomplete: 'off'}));
    }
  }

  function cell(column, value) {
    if (value === null || value === undefined || value === '') {
      return el('td', {});
    }
    if (column.kind === 'REQUEST') {
      return el('td', {class: 'key'}, el('a', {href: 'request.html?key=' + encodeURIComponent(value)}, value));
    }
    if (column.kind === 'LINK') {
      return el('td', {}, el('a', {href: value}, 'ダウンロード'));
    }
    return el('td', {}, value);
  }

  function describe(params) {
    const parts = [];
    current.filters.forEach(filter => {
      const value = params.get(filter.name);
      if (value) {
        parts.push(filter.label + ': ' + (filter.kind === 'FLAG' ? 'はい' : (filter.options[value] || value)));
      }
    });
    return '条件: ' + (parts.length ? parts.join('　') : 'なし (全件)');
  }

  async function load(page) {
    clearMessage();
    const params = formParams(form);
    const query = new URLSearchParams(params);
    if (page > 0) {
      query.set('page', page);
    }
    history.replaceState(null, '', '?' + new URLSearchParams([['register', current.id], ...query]).toString());
    const exported = new URLSearchParams(params);
    exported.delete('size');
    document.getElementById('csv').href = '/api/audit/registers/' + encodeURIComponent(current.id) + '.csv'
      + (exported.toString() ? '?' + exported.toString() : '');
    document.getElementById('conditions').textContent = describe(params);
    const summary = document.getElementById('summary');
    summary.textContent = '読み込み中…';
    try {
      const result = await get('/api/audit/registers/' + encodeURIComponent(current.id), query);
      const table = document.getElementById('rows');
      table.tHead.replaceChildren(el('tr', {}, ...result.columns.map(c => el('th', {}, c.header))));
      table.tBodies[0].replaceChildren(...result.rows.map(row =>
        el('tr', {}, ...result.columns.map(c => cell(c, row[c.key])))));
      table.hidden = result.rows.length === 0;
      summary.replaceChildren(result.total + ' 件' + (result.rows.length === 0 ? ' (該当する行はありません)'
        : ' 中 ' + (result.page * result.size + 1) + '〜' + (result.page * result.size + result.rows.length) + ' 件目'),
      el('span', {class: 'no-print'}, '　CSV は絞り込んだすべての行、印刷は表示中の行が対象です (1ページ 500 件まで)'));
      pager(document.getElementById('pager'), result.page, result.hasMore, load);
    } catch (error) {
      summary.textContent = '';
      fail(error);
    }
  }

  function select(id, params) {
    current = registers.find(r => r.id === id) || registers[0];
    const heading = document.getElementById('title');
    heading.textContent = title(current) + ' (' + current.clauses + ')';
    heading.lang = EN ? 'en' : 'ja';
    document.title = title(current) + (EN ? ' — Audit' : ' — 監査');
    // spaced by the style sheet: a space inside the link would be underlined with it
    document.getElementById('tabs').replaceChildren(...registers.map(r => r.id === current.id
      ? el('strong', {'aria-current': 'page', lang: EN ? 'en' : null}, title(r))
      : el('a', {href: '?register=' + encodeURIComponent(r.id), lang: EN ? 'en' : null}, title(r))));
    form.replaceChildren(...current.filters.map(field), el('label', {}, '1ページの件数',
      el('select', {name: 'size'}, el('option', {}, '50'), el('option', {}, '100'), el('option', {}, '500'))),
    actions);
    fillForm(form, params);
    load(Number(params.get('page') || 0));
  }

  try {
    await Audit.header();
    registers = await get('/api/audit/registers');
    const params = new URLSearchParams(location.search);
    const id = params.get('register');
    params.delete('register');
    select(id, params);
  } catch (error) {
    fail(error);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    load(0);
  });
  document.getElementById('clear').addEventListener('click', () => setTimeout(() => load(0)));
  document.getElementById('print').addEventListener('click', () => window.print());
})();
