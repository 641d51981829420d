/*
 * Shared by the 申請一覧 pages (/my/): their words in Japanese and English (the same choice as the Camunda webapps',
 * localStorage 'isms-locale', switched by the link in the header), the name of who is reading, and what changes
 * something: withdrawing a request (POST /api/requests/{key}/withdraw with the session's CSRF token). Builds on
 * ../audit/audit.js (DOM nodes as text only, times in the product's zone, GET with
 * Japanese errors).
 */
'use strict';

const My = (() => {
  const KEY = 'isms-locale';
  const EN = window.localStorage.getItem(KEY) === 'en';
  /** The CSRF token of the Tasklist session (its cookie is for /camunda only), from /api/my; none with Basic. */
  let csrfToken = '';
  const WORDS = {
    title: ['申請一覧', 'My requests'],
    mine: ['自分の申請', 'My requests'],
    decided: ['自分が判断した申請', 'My decisions'],
    held: ['担当中のタスク', 'Steps I hold'],
    tasklist: ['Tasklist', 'Tasklist'],
    flow: ['フロー', 'Flow'],
    state: ['状態', 'State'],
    filedFrom: ['申請日 (から)', 'Filed from'],
    filedTo: ['申請日 (まで)', 'Filed until'],
    decidedFrom: ['判断日 (から)', 'Decided from'],
    decidedTo: ['判断日 (まで)', 'Decided until'],
    pageSize: ['1ページの件数', 'Rows per page'],
    search: ['検索', 'Search'],
    clear: ['条件をクリア', 'Clear'],
    csv: ['CSV 出力', 'CSV export'],
    print: ['印刷', 'Print'],
    all: ['すべて', 'All'],
    businessKey: ['申請番号', 'Request'],
    filedAt: ['申請日時', 'Filed at'],
    waitingFor: ['処理待ち (ステップ・担当)', 'Waiting for (step, who)'],
    lastDecision: ['最新の判断', 'Last decision'],
    comment: ['コメント', 'Comment'],
    actions: ['操作', 'Actions'],
    decision: ['判断', 'Decision'],
    decidedAt: ['判断日時', 'Decided at'],
    requester: ['申請者', 'Requester'],
    step: ['ステップ', 'Step'],
    receivedAt: ['受付日時', 'Received at'],
    due: ['期限', 'Due'],
    timeline: ['申請の経過', 'Request timeline'],
    backToList: ['申請一覧に戻る', 'Back to my requests'],
    records: ['記録 (申請・判断・差し戻し・取り下げなど)', 'Records (filing, decisions, send-backs, withdrawal, …)'],
    at: ['日時', 'Time'],
    actor: ['実施者', 'By'],
    role: ['役割', 'Role'],
    outcome: ['結果', 'Outcome'],
    clauses: ['条項', 'Clauses'],
    attachments: ['添付ファイル', 'Attachments'],
    diagram: ['フロー図と通過した経路', 'Diagram and the path taken'],
    passed: ['通過した要素', 'passed'],
    current: ['処理中 (待機中のステップ)', 'waiting here'],
    noAttachments: ['添付ファイルはありません。', 'No attachments.'],
    download: ['ダウンロード', 'Download'],
    name: ['名前', 'Name'],
    description: ['説明', 'Description'],
    you: ['あなた', 'you'],
    withdraw: ['引き戻す', 'Withdraw'],
    withdrawPrompt: ['申請 {0} を引き戻します。理由 (任意) を入力してください。', 'Withdraw request {0}? Reason (optional):'],
    withdrawn: ['申請 {0} を引き戻しました。', 'Request {0} was withdrawn.'],
    correct: ['修正・再申請する', 'Correct and resubmit'],
    report: ['報告する', 'Report'],
    open: ['Tasklist で開く', 'Open in Tasklist'],
    items: ['{0} 件', '{0} requests'],
    range: ['{0} 件中 {1}〜{2} 件目', '{1}–{2} of {0}'],
    none: ['該当する申請はありません', 'No requests match'],
    noDecisions: ['該当する判断はありません', 'No decisions match'],
    noHeld: ['担当中のタスクはありません', 'You hold no steps now'],
    heldCount: ['{0} 件のタスクを担当しています (自分の申請の手続きは上の一覧にあります)',
      '{0} steps wait for you (your own requests are listed above)'],
    searching: ['検索中…', 'Searching…'],
    substitute: ['代理', 'as substitute'],
    printedBy: ['出力者: {0}　出力日時: {1}', 'Printed by {0} at {1}'],
    flowVersion: ['版', 'version'],
    classification: ['機密性', 'Classification'],
    noDiagram: ['この申請のフロー図はありません。', 'There is no diagram for this request.'],
    historyGone: ['エンジンの履歴は保存期間を過ぎて整理されたため、通過した経路と添付ファイルは表示できません。記録は上の表のとおりです。',
      'The engine history was cleaned up after its retention period: the path and the attachments are gone. The records above are complete.'],
    submitted: ['入力内容', 'Entered']
  };

  function t(key, ...values) {
    const words = WORDS[key];
    let text = words ? words[EN ? 1 : 0] : key;
    values.forEach((value, i) => {
      text = text.replace('{' + i + '}', value);
    });
    return text;
  }

  /** The page's fixed words in the chosen language, and the switch to the other. */
  function localize() {
    document.documentElement.lang = EN ? 'en' : 'ja';
    document.querySelectorAll('[data-t]').forEach(node => {
      node.textContent = t(node.dataset.t);
    });
    document.title = t(document.body.dataset.title || 'title');
    const link = document.getElementById('locale-switch');
    link.textContent = EN ? '日本語' : 'English';
    link.lang = EN ? 'ja' : 'en';
    link.addEventListener('click', event => {
      event.preventDefault();
      window.localStorage.setItem(KEY, EN ? 'ja' : 'en');
      window.location.reload();
    });
  }

  /** Who is reading, in the header and on the printout. */
  async function header() {
    const me = await Audit.get('/api/my');
    csrfToken = me.csrfToken || '';
    document.getElementById('reader').textContent = me.name + ' (' + me.userId + ')';
    document.getElementById('printed').textContent = t('printedBy', me.name + ' (' + me.userId + ')',
      Audit.time(new Date().toISOString()));
    return me;
  }

  const OUTCOMES_EN = {
    FILED: 'Filed', APPROVED: 'Approved', REJECTED: 'Rejected', SENT_BACK: 'Sent back', RESUBMITTED: 'Resubmitted',
    WITHDRAWN: 'Withdrawn', DONE: 'Done', REMINDED: 'Reminded', ESCALATED: 'Escalated', INSTRUCTED: 'Instructed',
    RECORDED: 'Recorded'
  };

  /** The word for a record's outcome: the server's Japanese label, or English. */
  function outcome(code, label) {
    return EN ? OUTCOMES_EN[code] || label || code : label || code;
  }

  function flowName(item) {
    return EN ? item.flowNameEn || item.flowName : item.flowName;
  }

  function stateLabel(item) {
    return EN ? item.stateLabelEn : item.stateLabel;
  }

  /** 持ち出しを承認する — 伊藤 直樹 (部門責任者 (開発設計部)), 期限 2026-12-07 09:00:00. */
  function waiting(step) {
    const role = EN ? step.roleLabelEn : step.roleLabel;
    const who = step.yours ? t('you')
      : (step.assigneeName || (step.holders || []).join('・')) + (role ? ' (' + role + ')' : '');
    return step.name + ' — ' + who + (step.dueAt ? '　' + t('due') + ' ' + Audit.time(step.dueAt) : '');
  }

  function tasklistLink(taskId) {
    return '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
  }

  /** Withdraws the request after asking for the reason; true when done. */
  async function withdraw(businessKey) {
    const reason = window.prompt(t('withdrawPrompt', businessKey), '');
    if (reason === null) {
      return false;
    }
    const response = await fetch('/api/requests/' + encodeURIComponent(businessKey) + '/withdraw', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken},
      body: JSON.stringify({comment: reason})
    });
    Audit.learnZone(response);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Audit.ApiError(response.status, body.message || ('HTTP ' + response.status));
    }
    return true;
  }

  /** The buttons and links of a request: withdraw, correct (the correction step), report (the step after approval). */
  function actions(item, afterWithdrawal) {
    const nodes = [];
    (item.waitingFor || []).filter(step => step.yours).forEach(step => nodes.push(Audit.el('a', {
      class: 'button', href: tasklistLink(step.taskId)
    }, step.kind === 'CORRECTION' ? t('correct') : t('report'))));
    if (item.withdrawable) {
      const button = Audit.el('button', {type: 'button', class: 'withdraw', 'data-key': item.businessKey},
        t('withdraw'));
      button.addEventListener('click', async () => {
        try {
          if (await withdraw(item.businessKey)) {
            afterWithdrawal(t('withdrawn', item.businessKey));
          }
        } catch (error) {
          Audit.fail(error);
        }
      });
      nodes.push(button);
    }
    return nodes;
  }

  return {EN, t, localize, header, outcome, flowName, stateLabel, waiting, tasklistLink, actions};
})();
