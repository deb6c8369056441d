// The console pages' DOM helpers: elements built from text (never innerHTML), tables, alert and status regions,
// and the platform choices both pages offer.

/** The element with this id. */
export const byId = id => document.getElementById(id);

/** Creates an element with text and attributes (never innerHTML: API data is text, not markup). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : String(child ?? ''));
  }
  return node;
}

/** A table with a caption, header row and rows of cells (a cell may be a Node or text). */
export function table(caption, headers, rows, id) {
  return el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map(row => el('tr', {}, ...row.map(cell => cell instanceof Node ? cell : el('td', {}, cell))))));
}

/** Shows an error in the page's alert region (role="alert": screen readers announce it). */
export function alertIn(region, message) {
  region.textContent = message;
  region.hidden = !message;
}

/** Shows a success message in a status region (role="status"). */
export function statusIn(region, message) {
  region.textContent = message;
}

/** A table cell with text, a class and attributes. */
export function td(text, cls, attributes = {}) {
  return el('td', { class: cls, ...attributes }, text);
}

/** Runs one section's read; a failure shows in that section (role="alert") and the other sections still load. */
export async function guard(id, read) {
  try {
    await read();
  } catch (e) {
    byId(id).replaceChildren(el('p', { class: 'alert', role: 'alert' }, e.message));
  }
}

/** Fills each select with the platforms other than this one, keeping what was chosen; returns every platform. */
export async function fillPlatformChoices(session, ownPlatformId, selects) {
  const platforms = await session.api('GET', '/platforms');
  for (const select of selects) {
    const chosen = select.value;
    select.replaceChildren(...platforms.filter(p => p.platformId !== ownPlatformId)
      .map(p => el('option', { value: p.platformId }, p.platformId)));
    if (chosen) {
      select.value = chosen;
    }
  }
  return platforms;
}
