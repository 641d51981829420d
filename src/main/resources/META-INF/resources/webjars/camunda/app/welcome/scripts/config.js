// isms-approval: Japanese first, English available (the webapps ship only en and de; ja.json is ours).
export default {
  // Japanese unless the user chose English (../isms-locale.js, shared by the four webapps)
  customScripts: ['../isms-locale'],
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  }
};
