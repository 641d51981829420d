/* 申請の経過 (request.html?key=TO-2026-0001): my request's records, attachments and the path through its diagram. */
'use strict';
(async () => {
  const {el, time, get, fail} = Audit;
  const {t} = My;
  const key = new URLSearchParams(location.search).get('key');
  document.body.dataset.title = 'timeline';
  My.localize();
  document.getElementById('print').addEventListener('click', () => window.print());

  function submittedValues(json) {
    let values;
    try {
      values = json ? JSON.parse(json) : null;
    } catch (e) {
      values = null;
    }
    const names = values ? Object.keys(values) : [];
    if (names.length === 0) {
      return '';
    }
    return el('details', {class: 'submitted'}, el('summary', {}, t('submitted') + ' (' + names.length + ')'),
      el('dl', {}, ...names.flatMap(name => [el('dt', {}, name),
        el('dd', {}, values[name] === null ? '' : String(values[name]))])));
  }

  function fact(label, ...value) {
    return [el('dt', {}, label), el('dd', {}, ...value)];
  }

  async function diagram(url, path) {
    const container = document.getElementById('diagram');
    const note = document.getElementById('diagramNote');
    if (!url || typeof BpmnJS === 'undefined') {
      container.hidden = true;
      note.textContent = t('noDiagram');
      return;
    }
    const viewer = new BpmnJS({container});
    await viewer.importXML(await get(url, null, 'text'));
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    path.forEach(step => {
      if (registry.get(step.activityId)) {
        canvas.addMarker(step.activityId, step.endTime ? 'audit-passed' : 'audit-current');
      }
    });
    canvas.zoom('fit-viewport');
  }

  try {
    await My.header();
    const timeline = await get('/api/my/requests/' + encodeURIComponent(key || ''));
    const r = timeline.request;
    document.title = r.businessKey + ' — ' + t('title');
    document.getElementById('title').textContent = r.businessKey + '　' + My.flowName(r);
    const d = r.lastDecision;
    document.getElementById('facts').replaceChildren(
      ...fact(t('businessKey'), r.businessKey),
      ...fact(t('flow'), My.flowName(r)),
      ...fact(t('classification'), r.classificationLabel || '—'),
      ...fact(t('filedAt'), time(r.filedAt)),
      ...fact(t('state'), el('span', {class: 'badge state ' + r.state, id: 'state'}, My.stateLabel(r))),
      ...fact(t('waitingFor'), ...r.waitingFor.flatMap((step, i) => [i > 0 ? el('br') : null, My.waiting(step)])),
      ...fact(t('lastDecision'), d ? My.outcome(d.outcome, d.outcomeLabel) + ' — ' + (d.actorName || '') + ' (' + time(d.at) + ')'
        + (d.comment ? '　「' + d.comment + '」' : '') : '—'));
    document.getElementById('actions').replaceChildren(...My.actions(r, () => location.reload()));

    document.getElementById('records').tBodies[0].replaceChildren(...timeline.records.map(record => el('tr', {},
      el('td', {}, record.number),
      el('td', {}, time(record.occurredAt)),
      el('td', {}, record.stepName || ''),
      el('td', {}, record.actorName || ''),
      el('td', {}, record.actingRoleLabel || ''),
      el('td', {}, el('span', {class: 'badge ' + record.outcome}, My.outcome(record.outcome, record.outcomeLabel))),
      el('td', {class: 'wrap'}, record.comment || '', submittedValues(record.submittedValues)),
      el('td', {}, (record.clauses || []).join(', ')))));

    const attachments = document.getElementById('attachments');
    attachments.replaceChildren(timeline.attachments.length === 0
      ? el('p', {class: 'muted'}, timeline.historyAvailable ? t('noAttachments') : t('historyGone'))
      : el('table', {class: 'data'},
        el('thead', {}, el('tr', {}, el('th', {}, t('name')), el('th', {}, t('description')), el('th', {}, t('at')),
          el('th', {}, t('download')))),
        el('tbody', {}, ...timeline.attachments.map(a => el('tr', {},
          el('td', {}, a.name || ''), el('td', {}, a.description || ''), el('td', {}, time(a.createdAt)),
          el('td', {}, a.downloadUrl ? el('a', {href: a.downloadUrl, download: a.name || ''}, t('download'))
            : (a.externalUrl || '')))))));

    document.getElementById('request').hidden = false;
    await diagram(timeline.diagramUrl, timeline.path);
  } catch (error) {
    fail(error);
  }
})();
