// Small DOM helpers. Everything from the server is put in the page as text
// (textContent / attributes), never parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") el.textContent = value;
    else if (key === "value" && "value" in el && !(el instanceof SVGElement)) el.value = value;
    else if (key === "checked") el.checked = Boolean(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

/** h("p", {class: "x"}, "text", child, …) → HTMLElement */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendChildren(el, children);
  return el;
}

/** svg("circle", {cx: 1}) → SVGElement */
export function svg(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  appendChildren(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Text with line breaks kept (CSS white-space: pre-line). */
export function prewrap(text, tag = "div") {
  return h(tag, { class: "prewrap" }, String(text ?? "").trim());
}

let announceTimer = 0;
/** Says something through the polite live region. */
export function announce(message) {
  const region = document.getElementById("status");
  if (!region) return;
  clearTimeout(announceTimer);
  region.textContent = "";
  // A short delay so that the same message twice is still announced.
  announceTimer = setTimeout(() => { region.textContent = message; }, 60);
}

export function setTitle(title) {
  document.title = title ? `${title} — PrepBot` : "PrepBot — interview practice";
}

/** Moves focus to an element that is not normally focusable (a heading). */
export function focusElement(el, { preventScroll = false } = {}) {
  if (!el) return;
  if (!el.hasAttribute("tabindex") && el.tabIndex < 0) el.setAttribute("tabindex", "-1");
  el.focus({ preventScroll });
  if (!preventScroll && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "start", behavior: "auto" });
}

let uid = 0;
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
