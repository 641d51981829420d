/* 申請の検索 (index.html). */
'use strict';
(async () => {
  const {el, time, get, fail, clearMessage, fillSelect, formParams, pager, searchPage} = Audit;
  const form = document.getElementById('search');

  async function search(page) {
    clearMessage();
    const params = formParams(form);
    if (page > 0) {
      params.set('page', page);
    }
    history.replaceState(null, '', '?' + params.toString());
    const summary = document.getElementById('summary');
    summary.textContent = '検索中…';
    try {
      const countParams = new URLSearchParams(params);
      countParams.delete('page');
      countParams.delete('size');
      const [result, count] = await Promise.all([get('/api/audit/requests', params),
        get('/api/audit/requests/count', countParams)]);
      const rows = result.items.map(({flowName, request: r}) => el('tr', {},
        el('td', {}, el('a', {href: 'request.html?key=' + encodeURIComponent(r.businessKey)}, r.businessKey)),
        el('td', {}, flowName),
        el('td', {}, (r.requesterName || '') + ' (' + (r.requester || '') + ')'),
        el('td', {}, r.departmentName || r.departmentCode || ''),
        el('td', {}, r.classificationLabel || '—'),
        el('td', {}, time(r.filedAt)),
        el('td', {}, r.lastStepName || ''),
        el('td', {}, el('span', {class: 'badge ' + (r.lastOutcome || '')}, r.lastOutcomeLabel || '')),
        el('td', {}, time(r.lastAt)),
        el('td', {}, r.recordCount)));
      const table = document.getElementById('results');
      table.tBodies[0].replaceChildren(...rows);
      table.hidden = rows.length === 0;
      summary.textContent = count.count + ' 件' + (rows.length === 0 ? ' (該当する申請はありません)'
        : ' 中 ' + (result.page * result.size + 1) + '〜' + (result.page * result.size + rows.length) + ' 件目');
      pager(document.getElementById('pager'), result.page, result.hasMore, search);
    } catch (error) {
      summary.textContent = '';
      fail(error);
    }
  }

  await searchPage(form, search, options => {
    fillSelect(document.getElementById('flow'), options.flows);
    fillSelect(document.getElementById('requester'), options.users);
    fillSelect(document.getElementById('approver'), options.users);
    fillSelect(document.getElementById('department'), options.departments);
    fillSelect(document.getElementById('classification'), options.classifications);
    fillSelect(document.getElementById('outcome'), options.outcomes);
  });
  document.getElementById('verify').addEventListener('click', async () => {
    const target = document.getElementById('verification');
    target.textContent = '検証中…';
    try {
      const result = await get('/api/audit/verification');
      target.replaceChildren(result.intact
        ? el('span', {class: 'ok'}, '改ざんなし (' + result.recordsChecked + ' 件の記録を検証)')
        : el('span', {class: 'error'}, '改ざんを検出: 記録 ' + result.brokenAtId + ' — ' + result.reason));
    } catch (error) {
      target.textContent = '';
      fail(error);
    }
  });
})();
