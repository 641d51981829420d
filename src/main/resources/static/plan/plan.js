/*
 * 年間計画 (/plan/): every periodic duty of a business year with its status, filtered by role, clause and status,
 * printable and exported as CSV, over GET /api/periodic-duties/plan. Builds on ../audit/audit.js (DOM nodes as text
 * only, GET with Japanese errors, login).
 */
'use strict';

(() => {
  const {el, get, fail, clearMessage, fillSelect, formParams, fillForm} = Audit;
  const CYCLES = {WEEKLY: '毎週', MONTHLY: '毎月', QUARTERLY: '四半期ごと', HALF_YEARLY: '半年ごと', YEARLY: '毎年'};
  const form = document.getElementById('search');
  let filled = false;

  function row(entry) {
    return el('tr', {},
      el('td', {}, entry.dueDate),
      el('td', {}, entry.dutyName),
      el('td', {}, entry.clauses.join(', ')),
      el('td', {}, CYCLES[entry.cycle] || ''),
      el('td', {}, entry.responsibleRoleName || ''),
      el('td', {}, entry.acceptingRoleName || ''),
      el('td', {}, entry.departmentName || ''),
      el('td', {class: 'status-' + entry.status}, entry.statusLabel),
      el('td', {}, entry.businessKey || ''),
      el('td', {}, entry.performedBy || ''),
      el('td', {}, entry.acceptedBy || ''));
  }

  async function show() {
    clearMessage();
    const params = filled ? formParams(form) : new URLSearchParams(location.search);
    try {
      const plan = await get('/api/periodic-duties/plan', params);
      if (!filled) {
        fillSelect(document.getElementById('role'), plan.roles, 'すべて');
        fillSelect(document.getElementById('clause'),
          Object.fromEntries(plan.clauses.map(c => [c, c])), 'すべて');
        fillSelect(document.getElementById('status'), plan.statuses, 'すべて');
        fillForm(form, new URLSearchParams(location.search));
        document.getElementById('year').value = plan.year;
        filled = true;
      }
      document.getElementById('reader').textContent = plan.reader;
      document.getElementById('printed').textContent = plan.year + '年度 (' + plan.from + '〜' + plan.to + ') 年間計画 ／ '
        + plan.reader + ' ／ ' + plan.today + ' 現在';
      const counts = {};
      plan.entries.forEach(e => { counts[e.statusLabel] = (counts[e.statusLabel] || 0) + 1; });
      document.getElementById('summary').textContent = plan.year + '年度: ' + plan.entries.length + ' 件 ('
        + Object.entries(counts).map(([label, n]) => label + ' ' + n).join('、') + ')';
      const table = document.getElementById('results');
      table.tBodies[0].replaceChildren(...plan.entries.map(row));
      table.hidden = false;
      const query = formParams(form).toString();
      document.getElementById('csv').href = '/api/periodic-duties/plan.csv' + (query ? '?' + query : '');
      history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    } catch (error) {
      fail(error);
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    show();
  });
  document.getElementById('print').addEventListener('click', () => window.print());
  const initial = new URLSearchParams(location.search);
  if (initial.get('year')) {
    document.getElementById('year').value = initial.get('year');
  }
  show();
})();
