/*
 * 記録の検索 (records.html): single records, including refusals at filing, and the auditors' own queries when asked
 * for. The first page fixes the newest record (upTo): its count and the pages after it leave out what came later,
 * such as the query records of this very search.
 */
'use strict';
(async () => {
  const {el, time, get, fail, clearMessage, fillSelect, formParams, pager, searchPage} = Audit;
  const form = document.getElementById('search');
  let flows = {};
  let upTo = null;

  async function search(page) {
    clearMessage();
    const params = formParams(form);
    if (page > 0) {
      params.set('page', page);
    }
    history.replaceState(null, '', '?' + params.toString());
    if (page === 0) {
      upTo = null;
    } else if (upTo) {
      params.set('upTo', upTo);
    }
    const summary = document.getElementById('summary');
    summary.textContent = '検索中…';
    try {
      const result = await get('/api/audit/records', params);
      if (page === 0 && result.items.length > 0) {
        upTo = result.items[0].id;
      }
      const countParams = new URLSearchParams(params);
      countParams.delete('page');
      countParams.delete('size');
      if (upTo) {
        countParams.set('upTo', upTo);
      }
      const count = await get('/api/audit/records/count', countParams);
      const rows = result.items.map(r => el('tr', {},
        el('td', {}, r.id),
        el('td', {}, time(r.occurredAt)),
        el('td', {}, r.businessKey
          ? el('a', {href: 'request.html?key=' + encodeURIComponent(r.businessKey)}, r.businessKey) : '—'),
        el('td', {}, flows[r.flowKey] || r.flowKey),
        el('td', {}, r.stepName || r.step),
        el('td', {}, r.stepKindLabel || ''),
        el('td', {}, (r.actorName || '') + ' (' + r.actor + ')'),
        el('td', {}, r.actingRoleLabel || ''),
        el('td', {}, el('span', {class: 'badge ' + r.outcome}, r.outcomeLabel)),
        el('td', {class: 'wrap'}, r.comment || ''),
        el('td', {}, (r.clauses || []).join(', '))));
      const table = document.getElementById('results');
      table.tBodies[0].replaceChildren(...rows);
      table.hidden = rows.length === 0;
      summary.textContent = count.count + ' 件' + (rows.length === 0 ? ' (該当する記録はありません)'
        : ' 中 ' + (result.page * result.size + 1) + '〜' + (result.page * result.size + rows.length) + ' 件目');
      pager(document.getElementById('pager'), result.page, result.hasMore, search);
    } catch (error) {
      summary.textContent = '';
      fail(error);
    }
  }

  await searchPage(form, search, options => {
    flows = Object.assign({}, options.flows, {audit: '監査ページ'});
    fillSelect(document.getElementById('flow'), flows);
    fillSelect(document.getElementById('actor'), options.users);
    fillSelect(document.getElementById('stepKind'), options.stepKinds);
    fillSelect(document.getElementById('outcome'), options.outcomes);
  });
})();
