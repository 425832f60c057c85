// A read-only text (a link or a code) with its own copy button; used by the
// practice profile page and the "Share with a mentor" panel.
import { h } from "./dom.js";

async function copyText(text, input, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch {
    input.select();
    const done = document.execCommand && document.execCommand("copy");
    status.textContent = done ? "Copied." : "Copying is not allowed here: the text is selected, copy it with your keyboard.";
  }
}

/** The field: its label, an optional hint, the text and "Copy <label>". `status` says what happened. */
export function copyField({ id, label, value, hint, status }) {
  const input = h("input", { id, type: "text", readonly: true, value, spellcheck: "false", autocomplete: "off",
    "aria-describedby": hint ? `${id}-hint` : null });
  const copy = h("button", { type: "button", class: "btn btn-secondary", id: `${id}-copy` }, `Copy ${label.toLowerCase()}`);
  copy.addEventListener("click", () => copyText(value, input, status));
  input.addEventListener("focus", () => input.select());
  return h("div", { class: "field copy-field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    h("div", { class: "copy-row" }, input, copy));
}
