// isms-approval: Japanese first, English available (the webapps ship only en and de; ja.json is ours).
export default {
  // Japanese unless the user chose English (../isms-locale.js, shared by the four webapps);
  // 添付ファイル and 一括承認 (scripts/isms-tasklist-plugins.js)
  customScripts: ['../isms-locale', 'scripts/isms-tasklist-plugins'],
  // no "first login" message: it is fetched from /camunda-welcome, which this application does not serve (a 404 in
  // the browser console on every login page)
  disableWelcomeMessage: true,
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを担当する'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '最初のフィルターにフォーカスする'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'タスク一覧の最初のタスクにフォーカスする'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクフォームの最初の入力欄にフォーカスする'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'プロセス開始ダイアログを開く'
    }
  }
};
