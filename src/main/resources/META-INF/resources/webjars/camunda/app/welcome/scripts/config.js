// isms-approval: Japanese first, English available (the webapps ship only en and de; ja.json is ours).
export default {
  // Japanese unless the user chose English (../isms-locale.js, shared by the four webapps)
  customScripts: ['../isms-locale'],
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
  }
};
