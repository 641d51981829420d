/* 申請の経過 (request.html?key=TO-2026-0001): every record, attachments, the diagram with the path taken. */
'use strict';
(async () => {
  const {el, time, get, fail} = Audit;
  const key = new URLSearchParams(location.search).get('key');

  document.getElementById('back').addEventListener('click', () => history.back());
  document.getElementById('print').addEventListener('click', () => window.print());

  // what the user submitted with the filing or the step (kept in the record, hash-chained), folded under the comment:
  // the form's labels and the choices' labels; the field names and codes as recorded below them, for export
  function shownValue(field, value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (field && field.choices && Object.prototype.hasOwnProperty.call(field.choices, String(value))) {
      return field.choices[String(value)];
    }
    if (field && field.type === 'checkbox' && (value === true || value === false)) {
      return value ? 'はい' : 'いいえ';
    }
    if (field && field.type === 'datetime' && /^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      return String(value).replaceAll('-', '/');
    }
    return String(value);
  }

  function submittedValues(json, fields) {
    if (!json) {
      return '';
    }
    let values;
    try {
      values = JSON.parse(json);
    } catch (e) {
      return '';
    }
    const names = Object.keys(values);
    if (names.length === 0) {
      return '';
    }
    return el('details', {class: 'submitted'}, el('summary', {}, '入力内容 (' + names.length + ')'),
      el('dl', {}, ...names.flatMap(name => {
        const field = fields[name];
        const raw = values[name] === null ? '' : String(values[name]);
        return [el('dt', {title: name}, field ? field.label : name),
          el('dd', {title: raw, 'data-name': name, 'data-value': raw}, shownValue(field, values[name]))];
      })),
      el('details', {class: 'raw'}, el('summary', {}, '記録されたままの値 (項目名・コード)'),
        el('pre', {}, JSON.stringify(values, null, 1))));
  }

  function fact(label, ...value) {
    return [el('dt', {}, label), el('dd', {}, ...value)];
  }

  async function diagram(url, path) {
    const container = document.getElementById('diagram');
    const note = document.getElementById('diagramNote');
    if (!url) {
      container.hidden = true;
      note.textContent = 'この申請のフロー図はありません。';
      return;
    }
    const xml = await get(url, null, 'text');
    if (typeof BpmnJS === 'undefined') {
      container.hidden = true;
      note.textContent = 'フロー図を表示できません (bpmn-js が読み込めません)。経路は下の表のとおりです。';
      return;
    }
    const viewer = new BpmnJS({container});
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    path.forEach(step => {
      if (registry.get(step.activityId)) {
        canvas.addMarker(step.activityId, step.endTime ? 'audit-passed' : 'audit-current');
      }
    });
    canvas.zoom('fit-viewport');
    if (path.length === 0) {
      note.textContent = 'エンジンの履歴は保存期間 (historyTimeToLive) を過ぎて整理されたため、通過した経路は表示できません。'
        + '記録は上の表のとおりすべて残っています。';
    }
  }

  try {
    if (!key) {
      throw new Error('申請番号が指定されていません');
    }
    await Audit.header();
    const t = await get('/api/audit/requests/' + encodeURIComponent(key));
    const r = t.request;
    document.title = r.businessKey + ' — 監査';
    document.getElementById('title').textContent = r.businessKey + '　' + t.flowName;
    document.getElementById('facts').replaceChildren(
      ...fact('申請番号', r.businessKey),
      ...fact('フロー', t.flowName + ' (' + r.flowKey + (r.flowVersion ? ' 版 ' + r.flowVersion : '') + ')'),
      ...fact('申請者', (r.requesterName || '') + ' (' + (r.requester || '') + ')'),
      ...fact('部門', r.departmentName || r.departmentCode || ''),
      ...fact('機密性', r.classificationLabel || '—'),
      ...fact('申請日時', time(r.filedAt)),
      ...fact('最新の記録', (r.lastStepName || '') + ' — ' + (r.lastOutcomeLabel || '') + ' (' + time(r.lastAt) + ')'),
      ...fact('エンジンの状態', t.instance
        ? t.instance.stateLabel + (t.instance.endTime ? ' (終了 ' + time(t.instance.endTime) + ')' : '')
          + (t.instance.removalTime ? '　履歴の整理予定: ' + time(t.instance.removalTime) : '')
        : '履歴は整理済み (記録は保存されています)'));

    // numbered within the request (the record id counts all requests' records, so it jumps); a refusal is marked
    const fields = t.fields || {};
    document.getElementById('records').tBodies[0].replaceChildren(...t.records.map((record, i) => el('tr', {
      class: record.outcome === 'REFUSED' || record.outcome === 'DENIED' ? 'refused' : ''},
      el('td', {title: '記録ID ' + record.id}, String(i + 1)),
      el('td', {}, time(record.occurredAt)),
      el('td', {title: record.step || ''}, record.stepName || record.stepKindLabel || ''),
      el('td', {}, record.stepKindLabel || ''),
      el('td', {}, (record.actorName || '') + ' (' + record.actor + ')'),
      el('td', {}, record.actingRoleLabel || ''),
      el('td', {}, record.principal || ''),
      el('td', {}, el('span', {class: 'badge ' + record.outcome}, record.outcomeLabel)),
      el('td', {class: 'wrap'}, record.comment || '', submittedValues(record.submittedValues, fields)),
      el('td', {}, (record.clauses || []).join(', ')),
      el('td', {}, (record.flagLabels || record.flags || []).join(', ')),
      el('td', {}, record.regulationRevision || ''))));

    const attachments = document.getElementById('attachments');
    if (t.attachments.length === 0) {
      attachments.replaceChildren(el('p', {class: 'muted'}, t.historyAvailable ? '添付ファイルはありません。'
        : 'エンジンの履歴は整理済みのため、添付ファイルは残っていません。'));
    } else {
      attachments.replaceChildren(el('table', {class: 'data'},
        el('thead', {}, el('tr', {}, el('th', {}, '名前'), el('th', {}, '種類'), el('th', {}, '説明'),
          el('th', {}, '登録日時'), el('th', {}, 'ダウンロード'))),
        el('tbody', {}, ...t.attachments.map(a => el('tr', {},
          el('td', {}, a.name || a.id), el('td', {}, a.type || ''), el('td', {}, a.description || ''),
          el('td', {}, time(a.createdAt)),
          el('td', {}, a.downloadUrl ? el('a', {href: a.downloadUrl, download: a.name || ''}, 'ダウンロード')
            : (a.externalUrl || '')))))));
    }

    document.getElementById('path').tBodies[0].replaceChildren(...t.path.map(step => el('tr', {},
      el('td', {}, time(step.startTime)), el('td', {}, step.endTime ? time(step.endTime) : '処理中'),
      el('td', {title: step.activityId}, step.activityName || step.activityTypeLabel || ''),
      el('td', {}, step.activityTypeLabel || ''),
      el('td', {}, step.assignee || ''))));

    document.getElementById('request').hidden = false;
    await diagram(t.diagramUrl, t.path);
  } catch (error) {
    fail(error);
  }
})();
