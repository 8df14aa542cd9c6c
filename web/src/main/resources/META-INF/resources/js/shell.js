// The frame of every role page: header with product name, tabs to the three role pages, the signed-in user
// and scope, the language switch and sign-out.
import { getJSON, postForm } from './api.js';
import { applyI18n, languageSwitch } from './i18n.js';

const PAGES = [
  { page: 'planner', href: 'planner.html', key: 'nav.planner' },
  { page: 'supervisor', href: 'supervisor.html', key: 'nav.supervisor' },
  { page: 'chief', href: 'chief.html', key: 'nav.chief' },
];

/** The role page of each role (admin works on the planner page). */
export const HOME_OF_ROLE = {
  admin: 'planner.html',
  planner: 'planner.html',
  supervisor: 'supervisor.html',
  grid_chief: 'chief.html',
};

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function i18nElement(tag, className, key) {
  const el = element(tag, className);
  el.dataset.i18n = key;
  return el;
}

function brand() {
  const a = element('a', 'ga-brand');
  a.href = './';
  a.append(element('span', 'ga-brand-mark'), i18nElement('span', 'ga-brand-name', 'app.product'));
  return a;
}

function nav(current) {
  const n = element('nav', 'ga-nav');
  n.dataset.i18nAriaLabel = 'nav.label';
  for (const p of PAGES) {
    const a = i18nElement('a', 'ga-tab', p.key);
    a.href = p.href;
    a.dataset.page = p.page;
    if (p.page === current) {
      a.classList.add('active');
      a.setAttribute('aria-current', 'page');
    }
    n.append(a);
  }
  return n;
}

function user(me) {
  const box = element('div', 'ga-user');
  box.append(element('span', 'ga-user-name', me.username));
  const scope = element('span', 'ga-user-scope');
  scope.append(i18nElement('span', 'ga-user-role', `role.${me.role}`), document.createTextNode(' · '));
  scope.append(element('span', 'ga-user-scope-name', me.scopeName ?? me.communityCode ?? me.streetCode ?? ''));
  box.append(scope);
  return box;
}

function logoutButton() {
  const b = i18nElement('button', 'ga-logout', 'header.logout');
  b.type = 'button';
  b.id = 'logout';
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await postForm('logout');
    } finally {
      window.location.href = 'login.html?logout';
    }
  });
  return b;
}

/**
 * Builds the header of a role page into #ga-header and returns the signed-in user (GET /api/me).
 *
 * @param {string} page planner, supervisor or chief: the tab marked as current
 */
export async function initShell(page) {
  applyI18n();
  const me = await getJSON('api/me');
  const header = document.getElementById('ga-header');
  header.replaceChildren(brand(), nav(page), element('div', 'ga-spacer'), user(me), languageSwitch(), logoutButton());
  applyI18n();
  document.body.dataset.role = me.role;
  return me;
}
