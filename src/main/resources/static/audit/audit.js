/*
 * Shared by the audit pages and 申請一覧: calls /api with the Tasklist session or the browser's HTTP Basic login (the
 * browser asks for user and password on the first call and keeps them for the tab's later calls and downloads; without
 * either, the page goes to Tasklist's login and comes back), builds DOM nodes without innerHTML (every value from the
 * record is text), formats times in the product's zone: the zone every answer of /api names in its header
 * Isms-Time-Zone (isms.time-zone), never the browser's own.
 */
'use strict';

const Audit = (() => {
  /** The header of every /api answer that names the product's zone. */
  const ZONE_HEADER = 'Isms-Time-Zone';
  /** The formatter in the product's zone; null until the first answer of /api has named the zone. */
  let timeFormat = null;

  /** Takes the product's zone from an answer of /api (a zone this browser does not know leaves times as sent). */
  function learnZone(response) {
    const zone = response.headers.get(ZONE_HEADER);
    if (!zone || (timeFormat && timeFormat.resolvedOptions().timeZone === zone)) {
      return;
    }
    try {
      timeFormat = new Intl.DateTimeFormat('ja-JP', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
      });
    } catch (unknownZone) {
      console.error('time zone ' + zone + ' unknown to this browser', unknownZone);
    }
  }

  /** An element with attributes (on* never) and children (strings become text nodes). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'class') {
        node.className = value;
      } else if (name === 'text') {
        node.textContent = value;
      } else if (!name.startsWith('on')) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  /**
   * 2026-04-01 09:30:00 in the product's zone from an ISO time with offset; '' for none. Before any answer of /api
   * (which every time shown comes from) the time stays as sent, which names its offset.
   */
  function time(iso) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    if (isNaN(date) || !timeFormat) {
      return iso;
    }
    const parts = {};
    timeFormat.formatToParts(date).forEach(part => {
      parts[part.type] = part.value;
    });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':'
      + parts.second;
  }

  /** The product's zone as the pages use it (the last /api answer's), or null before the first answer. */
  function zone() {
    return timeFormat ? timeFormat.resolvedOptions().timeZone : null;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Without a login (no Tasklist session, no HTTP Basic entered), to Tasklist's login, which brings the user back
   * here (isms-tasklist-plugins.js reads the address kept in the tab's session storage). False, and no redirect,
   * when the last attempt was moments ago (a login that does not reach this page must not loop).
   */
  function toLogin() {
    const last = Number(sessionStorage.getItem('isms-login-redirected') || 0);
    if (Date.now() - last < 30000) {
      return false;
    }
    sessionStorage.setItem('isms-login-redirected', String(Date.now()));
    sessionStorage.setItem('isms-after-login', location.pathname + location.search + location.hash);
    location.replace('/camunda/app/tasklist/default/');
    return true;
  }

  /** GET under /api/audit; JSON (or text) answer, or an ApiError with the server's Japanese message. */
  async function get(path, params, as) {
    const query = params ? new URLSearchParams(params).toString() : '';
    const response = await fetch(path + (query ? '?' + query : ''), {
      credentials: 'same-origin', headers: {Accept: as === 'text' ? 'application/xml' : 'application/json',
        // without a login: a plain 401 (no password dialog of the browser holding the call), then the login
        'X-Requested-With': 'XMLHttpRequest'}
    });
    learnZone(response);
    if (response.status === 401 && toLogin()) {
      throw new ApiError(401, 'ログインが必要です。ログイン画面に移動します… (login required)');
    }
    if (!response.ok) {
      let message = response.status === 401
        ? 'ログインが必要です。ユーザー名とパスワードを入力してください (再読み込みすると入力画面が表示されます)'
        : 'エラーが発生しました (HTTP ' + response.status + ')';
      try {
        const body = await response.json();
        if (body && body.message) {
          message = body.message;
        }
      } catch (ignored) {
        // not JSON
      }
      throw new ApiError(response.status, message);
    }
    return as === 'text' ? response.text() : response.json();
  }

  /** Shows an error in the page's message area. */
  function fail(error) {
    const area = document.getElementById('message');
    area.replaceChildren(el('p', {class: 'error', role: 'alert'}, error.message || String(error)));
    if (!(error instanceof ApiError)) {
      console.error(error);
    }
  }

  function clearMessage() {
    document.getElementById('message').replaceChildren();
  }

  /** The header: who is reading, as which role; the print line shows them with the time of printing. */
  async function header() {
    const me = await get('/api/audit/me');
    document.getElementById('reader').textContent = me.name + ' (' + me.roleLabel + ')';
    const printed = document.getElementById('printed');
    if (printed) {
      printed.textContent = '出力者: ' + me.name + ' (' + me.userId + ', ' + me.roleLabel + ')　出力日時: '
        + time(new Date().toISOString());
    }
    return me;
  }

  /** Options of a select: an empty choice, then value → label. */
  function fillSelect(select, options, emptyLabel) {
    select.replaceChildren(el('option', {value: ''}, emptyLabel || 'すべて'));
    Object.entries(options || {}).forEach(([value, label]) =>
      select.append(el('option', {value}, label === value || !label ? value : label + ' (' + value + ')')));
  }

  /** The form's non-empty fields as URL parameters. */
  function formParams(form) {
    const params = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (String(value).trim() !== '') {
        params.set(name, String(value).trim());
      }
    });
    return params;
  }

  /** Fills a form from URL parameters (so a search survives reload and back). */
  function fillForm(form, params) {
    params.forEach((value, name) => {
      const field = form.elements.namedItem(name);
      if (field && field.type === 'checkbox') {
        field.checked = value === 'true';
      } else if (field) {
        field.value = value;
      }
    });
  }

  /** 前へ / 次へ under a table. */
  function pager(container, page, hasMore, go) {
    const previous = el('button', {type: 'button', disabled: page === 0}, '前へ');
    const next = el('button', {type: 'button', disabled: !hasMore}, '次へ');
    previous.addEventListener('click', () => go(page - 1));
    next.addEventListener('click', () => go(page + 1));
    container.replaceChildren(previous, el('span', {class: 'page'}, (page + 1) + ' ページ'), next);
  }

  /**
   * The frame of a search page: header, the choices of the selects, the query from the address, the first search,
   * and the 検索 / クリア / 印刷 buttons.
   */
  async function searchPage(form, search, fillChoices) {
    try {
      await header();
      fillChoices(await get('/api/audit/options'));
      const params = new URLSearchParams(location.search);
      fillForm(form, params);
      await search(Number(params.get('page') || 0));
    } catch (error) {
      fail(error);
    }
    form.addEventListener('submit', event => {
      event.preventDefault();
      search(0);
    });
    document.getElementById('clear').addEventListener('click', () => setTimeout(() => search(0)));
    document.getElementById('print').addEventListener('click', () => window.print());
  }

  return {
    el, time, zone, learnZone, get, fail, clearMessage, header, fillSelect, formParams, fillForm, pager, searchPage,
    ApiError
  };
})();
