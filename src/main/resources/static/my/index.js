/* 申請一覧 (index.html): my requests with their state; for approvers, what they decided and the steps they hold. */
'use strict';
(async () => {
  const {el, time, get, fail, clearMessage, fillSelect, formParams, fillForm, pager} = Audit;
  const {t} = My;
  const form = document.getElementById('search');
  const decisionForm = document.getElementById('decisionSearch');
  My.localize();

  function decision(d) {
    if (!d) {
      return '';
    }
    return [el('span', {class: 'badge ' + d.outcome}, My.outcome(d.outcome, d.outcomeLabel)),
      ' ', d.actorName || '', el('br'), el('span', {class: 'muted'}, time(d.at))];
  }

  function notice(text) {
    document.getElementById('message').replaceChildren(el('p', {class: 'ok', role: 'status'}, text));
  }

  async function search(page) {
    const params = formParams(form);
    if (page > 0) {
      params.set('page', page);
    }
    history.replaceState(null, '', '?' + params.toString() + location.hash);
    const csvParams = new URLSearchParams(params);
    csvParams.delete('page');
    csvParams.delete('size');
    document.getElementById('csv').href = '/api/my/requests.csv' + (csvParams.toString() ? '?' + csvParams : '');
    const summary = document.getElementById('summary');
    summary.textContent = t('searching');
    try {
      const result = await get('/api/my/requests', params);
      const rows = result.items.map(item => el('tr', {'data-key': item.businessKey, 'data-state': item.state},
        el('td', {}, el('a', {href: 'request.html?key=' + encodeURIComponent(item.businessKey)}, item.businessKey)),
        el('td', {}, My.flowName(item)),
        el('td', {}, time(item.filedAt)),
        el('td', {}, el('span', {class: 'badge state ' + item.state}, My.stateLabel(item))),
        el('td', {class: 'wrap'}, ...item.waitingFor.flatMap((step, i) => [i > 0 ? el('br') : null, My.waiting(step)])),
        el('td', {}, decision(item.lastDecision)),
        el('td', {class: 'wrap'}, item.lastDecision ? item.lastDecision.comment || '' : ''),
        el('td', {class: 'no-print'}, ...My.actions(item, text => {
          search(result.page).then(() => notice(text));
        }))));
      const table = document.getElementById('results');
      table.tBodies[0].replaceChildren(...rows);
      table.hidden = rows.length === 0;
      summary.textContent = rows.length === 0 ? t('items', result.total) + ' (' + t('none') + ')'
        : t('range', result.total, result.page * result.size + 1, result.page * result.size + rows.length);
      pager(document.getElementById('pager'), result.page, result.hasMore, search);
    } catch (error) {
      summary.textContent = '';
      fail(error);
    }
  }

  async function decisions(page) {
    const params = formParams(decisionForm);
    if (page > 0) {
      params.set('page', page);
    }
    const summary = document.getElementById('decidedSummary');
    try {
      const result = await get('/api/my/decisions', params);
      const rows = result.items.map(d => el('tr', {'data-key': d.businessKey},
        el('td', {}, time(d.at)),
        el('td', {}, d.businessKey),
        el('td', {}, My.EN ? d.flowNameEn : d.flowName),
        el('td', {}, d.requesterName || ''),
        el('td', {}, d.stepName || ''),
        el('td', {}, el('span', {class: 'badge ' + d.outcome}, My.outcome(d.outcome, d.outcomeLabel)),
          d.bySubstitute ? ' (' + t('substitute') + ': ' + d.actorName + ')' : ''),
        el('td', {class: 'wrap'}, d.comment || '')));
      const table = document.getElementById('decidedResults');
      table.tBodies[0].replaceChildren(...rows);
      table.hidden = rows.length === 0;
      summary.textContent = rows.length === 0 ? t('noDecisions') : '';
      pager(document.getElementById('decidedPager'), result.page, result.hasMore, decisions);
    } catch (error) {
      fail(error);
    }
  }

  async function held() {
    const steps = await get('/api/my/tasks');
    const rows = steps.map(step => el('tr', {'data-key': step.businessKey},
      el('td', {}, step.businessKey),
      el('td', {}, My.EN ? step.flowNameEn : step.flowName),
      el('td', {}, step.requesterName || ''),
      el('td', {}, step.name),
      el('td', {}, time(step.createdAt)),
      el('td', {}, time(step.dueAt)),
      el('td', {class: 'no-print'}, el('a', {class: 'button', href: My.tasklistLink(step.taskId)}, t('open')))));
    const table = document.getElementById('heldResults');
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = rows.length === 0;
    document.getElementById('heldSummary').textContent = rows.length === 0 ? t('noHeld') : t('heldCount', rows.length);
  }

  try {
    const me = await My.header();
    const flows = {};
    Object.entries(me.flows).forEach(([key, names]) => {
      flows[key] = My.EN ? names[1] : names[0];
    });
    fillSelect(document.getElementById('flow'), flows, t('all'));
    const states = {};
    me.states.forEach(s => {
      states[s.code] = My.EN ? s.labelEn : s.label;
    });
    fillSelect(document.getElementById('state'), states, t('all'));
    fillForm(form, new URLSearchParams(location.search));
    await search(Number(new URLSearchParams(location.search).get('page') || 0));
    if (me.approver) {
      const outcomes = {};
      Object.entries(me.outcomes).forEach(([code, label]) => {
        outcomes[code] = My.outcome(code, label);
      });
      fillSelect(document.getElementById('outcome'), outcomes, t('all'));
      document.getElementById('approver').hidden = false;
      document.getElementById('nav-decided').hidden = false;
      document.getElementById('nav-held').hidden = false;
      await Promise.all([decisions(0), held()]);
    }
  } catch (error) {
    fail(error);
  }
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearMessage();
    search(0);
  });
  decisionForm.addEventListener('submit', event => {
    event.preventDefault();
    decisions(0);
  });
  document.getElementById('clear').addEventListener('click', () => setTimeout(() => search(0)));
  document.getElementById('print').addEventListener('click', () => window.print());
})();
