// isms-approval: Japanese first. The webapps take the browser's first language; we put the user's own choice
// (Japanese unless they switched to English with the link at the bottom of the page) in its place.
const KEY = 'isms-locale';
const chosen = window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';

try {
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [chosen] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => chosen });
} catch (e) {
  // a browser that refuses keeps its own language
}

function addSwitch() {
  if (document.getElementById('isms-locale-switch')) {
    return;
  }
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
  document.body.appendChild(link);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', addSwitch);
} else {
  addSwitch();
}

export default {};
