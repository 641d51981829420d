// isms-approval: Japanese first. The webapps take the browser's first language; we put the user's own choice
// (Japanese unless they switched to English with the link in the page footer) in its place.
const KEY = 'isms-locale';
const chosen = window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';

try {
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [chosen] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => chosen });
} catch (e) {
  // a browser that refuses keeps its own language
}

// The switch sits in the page footer, beside 提供: Camunda Platform: dialogs cover the footer, so the link never floats
// over their buttons. The footer is rendered by the webapps after this script runs; look for it until it is there.
function placeSwitch() {
  const footerColumn = document.querySelector('footer .row > div:last-child');
  if (!footerColumn || footerColumn.querySelector('#isms-locale-switch')) {
    return;
  }
  document.getElementById('isms-locale-switch')?.remove();
  const link = document.createElement('a');
  link.id = 'isms-locale-switch';
  link.href = '#';
  link.lang = chosen === 'ja' ? 'en' : 'ja';
  link.textContent = chosen === 'ja' ? 'English' : '日本語';
  link.title = chosen === 'ja' ? 'Switch to English' : '日本語に切り替える';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.localStorage.setItem(KEY, chosen === 'ja' ? 'en' : 'ja');
    window.location.reload();
  });
  footerColumn.prepend(link);
}

// Japanese names family name first (山本 さくら), also where the webapps write "firstName lastName": the header's
// user menu (all four webapps), Admin's user pages (title, breadcrumbs, the list and profile forms with 姓 before 名).
// The names are those of the logged-in user and of the users a page shows (Admin's list, the user being edited).
const names = new Map();
const asked = new Set();
let signedIn = false;

function appRoot() {
  return (document.querySelector('base')?.getAttribute('app-root') || '/camunda').replace(/\/$/, '');
}

function remember(firstName, lastName) {
  const first = (firstName || '').trim();
  const last = (lastName || '').trim();
  if (first && last && !names.has(first + ' ' + last)) {
    names.set(first + ' ' + last, last + ' ' + first);
    schedule();
  }
}

function getJson(path) {
  return fetch(appRoot() + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null));
}

function askProfile(userId) {
  if (!userId || asked.has(userId)) {
    return;
  }
  asked.add(userId);
  getJson('/api/engine/engine/default/user/' + encodeURIComponent(userId) + '/profile')
    .then((profile) => profile && remember(profile.firstName, profile.lastName))
    .catch(() => asked.delete(userId));
}

function japaneseNameOrder() {
  if (!document.querySelector('li.account')) {
    // logged out: the next user may be someone else
    signedIn = false;
    names.clear();
    asked.clear();
    return;
  }
  if (!signedIn) {
    signedIn = true;
    getJson('/api/admin/auth/user/default').then((auth) => auth && askProfile(auth.userId)).catch(() => {
      signedIn = false;
    });
  }
  const edited = /^#!?\/users\/([^/?]+)/.exec(window.location.hash);
  if (edited) {
    askProfile(decodeURIComponent(edited[1]));
  }
  document.querySelectorAll('tr').forEach((row) => {
    const first = row.querySelector(':scope > td.firstname');
    const last = row.querySelector(':scope > td.lastname');
    if (first && last) {
      remember(first.textContent, last.textContent);
    }
  });
  if (names.size === 0) {
    return;
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest('textarea, script, style, [contenteditable]')) {
      continue;
    }
    names.forEach((japanese, western) => {
      if (node.data.includes(western)) {
        node.data = node.data.split(western).join(japanese);
      }
    });
  }
  if (names.has(document.title)) {
    document.title = names.get(document.title);
  }
}

function familyNameFirst() {
  // Admin's user lists: the 姓 column before the 名 column
  document.querySelectorAll('tr').forEach((row) => {
    const first = row.querySelector(':scope > .firstname');
    const last = row.querySelector(':scope > .lastname');
    if (first && last && first.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING) {
      row.insertBefore(last, first);
    }
  });
  // profile forms (Admin, Welcome): the 姓 field before the 名 field
  document.querySelectorAll("input[ng-model$='firstName']").forEach((input) => {
    const form = input.closest('form');
    const lastInput = form && form.querySelector("input[ng-model$='lastName']");
    const first = input.closest('.form-group');
    const last = lastInput && lastInput.closest('.form-group');
    if (first && last && first.parentElement === last.parentElement
      && first.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING) {
      first.parentElement.insertBefore(last, first);
    }
  });
}

let scheduled = false;

function schedule() {
  if (scheduled) {
    return;
  }
  scheduled = true;
  window.setTimeout(() => {
    scheduled = false;
    placeSwitch();
    if (chosen === 'ja') {
      japaneseNameOrder();
      familyNameFirst();
    }
  }, 50);
}

function start() {
  schedule();
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}

export default {};
