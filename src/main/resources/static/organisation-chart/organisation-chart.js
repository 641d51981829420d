/*
 * 組織体制図 (10.1): the role holders of 1.1, the departments and sections, and the history of role changes with the
 * request that approved each, from GET /api/organisation-chart. Japanese first; English by the same switch as the
 * other pages (localStorage 'isms-locale'). Every value is shown as text (Audit.el).
 */
'use strict';

(() => {
  const KEY = 'isms-locale';
  const EN = window.localStorage.getItem(KEY) === 'en';
  const WORDS = {
    title: ['組織体制図', 'Organisation chart'],
    roles: ['役割 (1.1)', 'Roles (1.1)'],
    departments: ['部門・課', 'Departments and sections'],
    history: ['変更の履歴', 'History of changes'],
    my: ['申請一覧', 'My requests'],
    tasklist: ['Tasklist', 'Tasklist'],
    intro: ['情報管理規程 10.1: 組織体制図は情報セキュリティ責任者が承認した役割変更申請 (roleChange) によってのみ変わります。',
      'Regulation 10.1: the chart changes only by a role change request (roleChange) the security officer approved.'],
    breakGlass: ['緊急用の設定 (isms.identity.break-glass) が有効です。役割のグループが申請なしに変更できる状態です。',
      'The break-glass setting (isms.identity.break-glass) is on: role groups can be changed without a request.'],
    role: ['役割', 'Role'],
    group: ['グループ', 'Group'],
    holders: ['担当者', 'Holders'],
    committee: ['情報セキュリティ委員会 (1.1: 役割から導出)', 'Information security committee (1.1, derived from the roles)'],
    appliedAt: ['反映日時', 'Applied at'],
    businessKey: ['申請番号', 'Request'],
    change: ['変更', 'Change'],
    person: ['対象者', 'Person'],
    requestedBy: ['申請者', 'Requested by'],
    approvedBy: ['承認者', 'Approved by'],
    exception: ['例外の期限 (5.1.10)', 'Exception until (5.1.10)'],
    head: ['部門責任者', 'Head'],
    chief: ['課長', 'Section chief'],
    people: ['所属', 'People'],
    none: ['(なし)', '(none)'],
    ADD: ['追加', 'Added'],
    REMOVE: ['解除', 'Removed'],
    lapsed: ['期限切れで解除', 'lapsed'],
    noHistory: ['変更の履歴はまだありません。', 'No changes yet.'],
  };
  const t = key => (WORDS[key] || [key, key])[EN ? 1 : 0];
  const el = Audit.el;
  const names = list => list && list.length ? list.map(h => h.name + ' (' + h.userId + ')').join('、') : t('none');

  document.documentElement.lang = EN ? 'en' : 'ja';
  document.querySelectorAll('[data-t]').forEach(node => { node.textContent = t(node.dataset.t); });
  document.title = t('title');
  const toggle = document.getElementById('locale-switch');
  toggle.textContent = EN ? '日本語' : 'English';
  toggle.lang = EN ? 'ja' : 'en';
  toggle.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(KEY, EN ? 'ja' : 'en');
    location.reload();
  });

  function show(chart) {
    document.getElementById('break-glass').hidden = !chart.breakGlass;
    document.querySelector('#role-table tbody').replaceChildren(...chart.roles.map(role =>
      el('tr', {'data-role': role.code}, el('td', {}, EN ? role.nameEn : role.nameJa), el('td', {}, role.groupId),
        el('td', {class: 'holders'}, names(role.holders)))));
    document.getElementById('committee').textContent = names(chart.committee);
    document.getElementById('department-tree').replaceChildren(...chart.departments.map(d =>
      el('section', {class: 'department', 'data-department': d.code},
        el('h3', {}, (EN && d.nameEn ? d.nameEn : d.name) + ' [' + d.code + ']'),
        el('p', {}, t('head') + ': ' + names(d.heads)),
        el('p', {}, t('people') + ': ' + names(d.people)),
        el('ul', {}, d.sections.map(s => el('li', {'data-section': s.code},
          (EN && s.nameEn ? s.nameEn : s.name) + ' [' + s.code + '] — ' + t('chief') + ': ' + names(s.chiefs)
            + ' / ' + t('people') + ': ' + names(s.people)))))));
    const rows = chart.history.map(h => el('tr', {'data-business-key': h.businessKey},
      el('td', {}, Audit.time(h.appliedAt)),
      el('td', {}, h.businessKey),
      el('td', {}, t(h.changeKind)), el('td', {}, h.group), el('td', {}, h.person), el('td', {}, h.requestedBy),
      el('td', {}, h.approvedBy + (h.approvedRole ? ' (' + h.approvedRole + ')' : '')),
      el('td', {}, h.exceptionUntil ? h.exceptionUntil + (h.lapsedAt ? ' — ' + t('lapsed') + ' ' + Audit.time(h.lapsedAt) : '') : '')));
    document.querySelector('#history-table tbody').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', {colspan: 8}, t('noHistory')))]));
  }

  Audit.get('/api/organisation-chart').then(show).catch(Audit.fail);
})();
