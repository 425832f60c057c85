// PrepBot's API documentation page (/docs): fetches /openapi.json and renders
// every operation with its parameters, body, responses and a "Try it" panel.
// The page is built with dom.js's h(), as the app is (the CSP allows no inline
// script or style, and nothing from the server is parsed as HTML).
import { h } from "./dom.js";

const METHODS = ["get", "post", "put", "patch", "delete"];
let spec = {};
let lastSessionId = "";

const slug = (text) => text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
const show = (value) => (typeof value === "string" ? value : JSON.stringify(value));

// --- Schemas ---------------------------------------------------------------------------------

/** Follows "$ref"s (keeping sibling keywords); returns the schema and the last component's name. */
function deref(node) {
  let name = null;
  for (let hops = 0; node && node.$ref && hops < 20; hops++) {
    const { $ref, ...rest } = node;
    const parts = $ref.replace(/^#\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    name = parts[parts.length - 1];
    node = { ...parts.reduce((o, p) => (o ? o[p] : undefined), spec), ...rest };
  }
  return { s: node || {}, name };
}

const typesOf = (s) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Resolves refs, merges allOf and folds "X or null" anyOfs into X with nullable set. */
function flatten(raw) {
  let { s, name } = deref(raw);
  if (s.allOf) {
    const { allOf, ...outer } = s;
    const merged = { properties: {}, required: [] };
    for (const part of allOf) {
      const p = flatten(part);
      if (!name && p.name && allOf.length === 1) name = p.name;
      Object.assign(merged, p.s, {
        properties: { ...merged.properties, ...(p.s.properties || {}) },
        required: [...merged.required, ...(p.s.required || [])],
      });
    }
    s = { ...merged, ...outer, properties: { ...merged.properties, ...(outer.properties || {}) } };
    if (!Object.keys(s.properties).length) delete s.properties;
  }
  if (s.anyOf) {
    const alts = s.anyOf.map(flatten);
    const real = alts.filter((a) => !typesOf(a.s).includes("null") || typesOf(a.s).length > 1);
    if (real.length === 1 && alts.length === 2) {
      const { anyOf, ...outer } = s;
      name = name || real[0].name;
      s = { ...real[0].s, ...outer, nullable: true };
    }
  }
  return { s, name };
}

function typeLabel(s, name) {
  if (s.const !== undefined) return `${typesOf(s)[0] || "value"} = ${show(s.const)}`;
  let types = typesOf(s);
  let label;
  if (types.includes("array")) {
    const item = flatten(s.items || {});
    label = `array of ${typeLabel(item.s, item.name)}`;
    types = types.filter((t) => t !== "array");
    if (types.length) label += ` or ${types.join(" or ")}`;
  } else if (s.anyOf) {
    label = [...new Set(s.anyOf.map((a) => { const f = flatten(a); return typeLabel(f.s, f.name); }))].join(" or ");
  } else {
    label = types.join(" or ") || (s.properties ? "object" : "any");
    if (name && types.includes("object")) label = `${name} (object)`;
    if (s.format) label += ` (${s.format})`;
  }
  if (s.nullable) label += " or null";
  return label;
}

function limits(s) {
  const out = [];
  const range = (min, max, unit) => {
    if (min != null && max != null) out.push(`${min}–${max}${unit}`);
    else if (max != null) out.push(`at most ${max}${unit}`);
    else if (min) out.push(`at least ${min}${unit}`);
  };
  range(s.minLength, s.maxLength, " characters");
  range(s.minimum, s.maximum, "");
  range(s.minItems, s.maxItems, " items");
  if (s.default !== undefined) out.push(`default ${show(s.default)}`);
  if (s.contentEncoding) out.push(`${s.contentEncoding}-encoded`);
  if (s.contentMediaType) out.push(s.contentMediaType);
  if (s.items) out.push(...limits(flatten(s.items).s).map((l) => `each ${l}`));
  return out;
}

const codes = (values) => values.flatMap((v, i) => [i ? ", " : "", h("code", { text: v === null ? "null" : show(v) })]);

/** Description, limits, enum, alternatives and example of one schema, appended to `parent`. */
function describe(parent, s) {
  if (s.description) parent.append(h("p", { class: "field-desc", text: s.description }));
  const l = limits(s);
  if (l.length) parent.append(h("p", { class: "field-limits", text: l.join(" · ") }));
  if (s.enum) parent.append(h("p", { class: "field-enum" }, "One of: ", codes(s.enum)));
  if (s.anyOf) {
    const list = h("ul", { class: "alts" });
    for (const alt of s.anyOf) {
      const a = flatten(alt);
      const li = h("li", {}, h("span", { class: "field-type", text: typeLabel(a.s, a.name) }));
      describe(li, a.s);
      list.append(li);
    }
    parent.append(h("p", { class: "field-enum", text: "Accepts any of:" }), list);
  }
  if (s.examples && s.examples.length) parent.append(h("p", { class: "field-example" }, "Example: ", codes(s.examples.slice(0, 1))));
}

/** The object fields of a schema as a nested list (named models are not expanded inside themselves). */
function fieldList(s, depth, seen) {
  const required = new Set(s.required || []);
  const list = h("ul", { class: "fields" });
  for (const [key, raw] of Object.entries(s.properties || {})) {
    const f = flatten(raw);
    const head = h("p", { class: "field-head" },
      h("code", { class: "field-name", text: key }), " ",
      h("span", { class: "field-type", text: typeLabel(f.s, f.name) }));
    if (required.has(key)) head.append(" ", h("span", { class: "req", text: "required" }));
    const item = h("li", { class: "field" }, head);
    describe(item, f.s);
    const inner = typesOf(f.s).includes("array") ? flatten(f.s.items || {}) : f;
    if (inner.s.properties && depth < 6 && !(inner.name && seen.has(inner.name))) {
      item.append(fieldList(inner.s, depth + 1, new Set([...seen, inner.name])));
    }
    list.append(item);
  }
  return list;
}

/** A whole schema: its model name and type, then its fields. */
function schemaBlock(raw) {
  const { s, name } = flatten(raw);
  const box = h("div", { class: "schema" });
  box.append(h("p", { class: "schema-type" }, "Schema: ", h("span", { class: "field-type", text: name && !s.properties ? `${name} (${typeLabel(s)})` : typeLabel(s, name || "object") })));
  if (s.properties) {
    if (s.description) box.append(h("p", { class: "field-desc", text: s.description }));
    box.append(fieldList(s, 0, new Set([name])));
  } else {
    describe(box, s);
  }
  return box;
}

function exampleBlock(value, label) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return h("div", { class: "example" },
    h("p", { class: "example-label", text: label }),
    h("pre", { class: "code", tabindex: "0", "aria-label": label, text }));
}

// --- Operations ------------------------------------------------------------------------------

/** A path with line-break opportunities after each "/" (long paths on narrow screens). */
const pathText = (path) => path.split(/(?<=\/)/).flatMap((part, i) => (i ? [h("wbr"), part] : [part]));
const methodBadge = (method) => h("span", { class: `method method-${method}`, text: method.toUpperCase() });

function parametersOf(pathItem, op) {
  return [...(pathItem.parameters || []), ...(op.parameters || [])].map((p) => deref(p).s);
}

function renderParameters(params) {
  const list = h("ul", { class: "fields" });
  for (const p of params) {
    const f = flatten(p.schema || {});
    const head = h("p", { class: "field-head" },
      h("code", { class: "field-name", text: p.name }), " ",
      h("span", { class: "field-type", text: `${typeLabel(f.s, f.name)}, in ${p.in}` }));
    if (p.required) head.append(" ", h("span", { class: "req", text: "required" }));
    const item = h("li", { class: "field" }, head);
    if (p.description) item.append(h("p", { class: "field-desc", text: p.description }));
    if (p.example !== undefined) item.append(h("p", { class: "field-example" }, "Example: ", codes([p.example])));
    list.append(item);
  }
  return list;
}

function mediaExamples(media) {
  if (media.example !== undefined) return [["Example", media.example]];
  return Object.values(media.examples || {}).map((e) => { const x = deref(e).s; return [`Example: ${x.summary || ""}`.replace(/: $/, ""), x.value]; });
}

function renderResponses(responses) {
  const box = h("div", { class: "responses" });
  for (const [code, raw] of Object.entries(responses)) {
    const r = deref(raw).s;
    const kind = code[0] === "2" ? "ok" : code[0] === "4" ? "client" : "server";
    const details = h("details", { class: "response" },
      h("summary", {}, h("span", { class: `status status-${kind}`, text: code }), " ", r.description || ""));
    const body = h("div", { class: "response-body" });
    for (const [header, headerRef] of Object.entries(r.headers || {})) {
      const hs = deref(headerRef).s;
      body.append(h("p", { class: "field-head" }, "Header ", h("code", { class: "field-name", text: header }),
        hs.description ? ` — ${hs.description}` : "", hs.example !== undefined ? ` (e.g. ${show(hs.example)})` : ""));
    }
    const content = Object.entries(r.content || {});
    if (!content.length) body.append(h("p", { text: "No body." }));
    for (const [type, media] of content) {
      body.append(h("p", { class: "content-type" }, "Content type: ", h("code", { text: type })));
      if (media.schema) body.append(schemaBlock(media.schema));
      for (const [label, value] of mediaExamples(media)) body.append(exampleBlock(value, label));
    }
    details.append(body);
    box.append(details);
  }
  return box;
}

function renderOperation(path, method, pathItem, op) {
  const id = `op-${slug(op.operationId || `${method}-${path}`)}`;
  const section = h("section", { class: "op", id, "aria-labelledby": `${id}-h` },
    h("h3", { id: `${id}-h` }, op.summary || `${method.toUpperCase()} ${path}`),
    h("p", { class: "op-line" }, methodBadge(method), " ", h("code", { class: "path" }, pathText(path))));
  if (op.description) section.append(h("p", { text: op.description }));

  const params = parametersOf(pathItem, op);
  if (params.length) section.append(h("h4", { text: "Parameters" }), renderParameters(params));

  let bodyExample;
  const requestBody = op.requestBody && deref(op.requestBody).s;
  if (requestBody) {
    section.append(h("h4", { text: "Request body" }));
    for (const [type, media] of Object.entries(requestBody.content || {})) {
      section.append(h("p", { class: "content-type" }, "Content type: ", h("code", { text: type }), requestBody.required ? " (required)" : ""));
      if (media.schema) section.append(schemaBlock(media.schema));
      const examples = mediaExamples(media);
      if (examples.length && bodyExample === undefined) bodyExample = examples[0][1];
    }
  }
  section.append(h("h4", { text: "Responses" }), renderResponses(op.responses || {}));
  section.append(h("h4", { text: "Try it" }), tryPanel(id, method, path, params, requestBody, bodyExample));
  return { id, section };
}

// --- Try it ----------------------------------------------------------------------------------

function fieldError(form, input, message) {
  const error = h("p", { class: "try-error", id: `${input.id}-error`, text: message });
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", error.id);
  input.after(error);
  input.focus();
}

function clearErrors(form) {
  for (const e of form.querySelectorAll(".try-error")) e.remove();
  for (const i of form.querySelectorAll("[aria-invalid]")) { i.removeAttribute("aria-invalid"); i.removeAttribute("aria-describedby"); }
}

function tryPanel(id, method, path, params, requestBody, bodyExample) {
  const form = h("form", { class: "try", novalidate: true, "aria-label": `Try ${method.toUpperCase()} ${path}` });
  const inputs = {};
  for (const p of params.filter((param) => param.in === "path")) {
    const input = h("input", { id: `${id}-p-${p.name}`, name: p.name, type: "text", autocomplete: "off", spellcheck: "false",
      "data-param": p.name, class: "try-input", value: lastSessionId || null });
    inputs[p.name] = input;
    form.append(h("div", { class: "try-row" },
      h("label", { for: input.id, text: `${p.name} (path${p.required ? ", required" : ""})` }), input));
  }
  let textarea = null;
  if (requestBody) {
    const text = bodyExample === undefined ? "{}" : JSON.stringify(bodyExample, null, 2);
    textarea = h("textarea", { id: `${id}-body`, class: "try-input try-body", rows: Math.min(12, text.split("\n").length + 1), spellcheck: "false" });
    textarea.value = text;
    form.append(h("div", { class: "try-row" }, h("label", { for: textarea.id, text: "Request body (JSON)" }), textarea));
  }
  const button = h("button", { type: "submit", class: "button", text: `Send ${method.toUpperCase()}` });
  const status = h("p", { class: "try-status", role: "status" });
  const output = h("div", { class: "try-output", hidden: true });
  form.append(h("div", { class: "try-actions" }, button), status, output);

  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    clearErrors(form);
    let url = path;
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      if (!value) return fieldError(form, input, `Enter the ${name} (start an interview first to get a session_id).`);
      url = url.replace(`{${name}}`, encodeURIComponent(value));
    }
    const init = { method: method.toUpperCase(), headers: { accept: "*/*" } };
    if (textarea) {
      try {
        JSON.parse(textarea.value);
      } catch (err) {
        return fieldError(form, textarea, `This is not valid JSON: ${err.message}`);
      }
      init.headers["content-type"] = "application/json";
      init.body = textarea.value;
    }
    busy = true;
    button.textContent = "Sending…";
    status.textContent = `Sending ${init.method} ${url}…`;
    const started = performance.now();
    try {
      const response = await fetch(url, init);
      const blob = await response.blob();
      await showResponse(status, output, response, blob, Math.round(performance.now() - started));
    } catch (err) {
      output.hidden = true;
      status.textContent = `Could not reach the server: ${err.message}`;
    } finally {
      busy = false;
      button.textContent = `Send ${method.toUpperCase()}`;
    }
  });
  return form;
}

function formatBytes(n) {
  return n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB (${n.toLocaleString("en")} bytes)`;
}

async function showResponse(status, output, response, blob, ms) {
  const type = response.headers.get("content-type") || "";
  status.replaceChildren("Status ",
    h("strong", { class: `try-code status-${response.ok ? "ok" : response.status < 500 ? "client" : "server"}`, text: `${response.status} ${response.statusText}`.trim() }),
    ` · ${ms} ms · ${formatBytes(blob.size)}`);
  const headers = h("dl", { class: "try-headers" });
  for (const name of ["content-type", "retry-after", "content-disposition", "allow"]) {
    const value = response.headers.get(name);
    if (value) headers.append(h("dt", { text: name }), h("dd", {}, h("code", { text: value })));
  }
  const parts = [h("p", { class: "example-label", text: "Response headers" }), headers];
  if (/svg/.test(type)) {
    const text = await blob.text();
    parts.push(h("p", { text: `An SVG image, ${formatBytes(blob.size)}:` }),
      h("img", { class: "try-preview", alt: "Preview of the returned SVG chart", src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` }));
  } else if (/json|^text\//.test(type)) {
    let text = await blob.text();
    if (/json/.test(type)) {
      try {
        const value = JSON.parse(text);
        text = JSON.stringify(value, null, 2);
        if (value && typeof value.session_id === "string" && !value.deleted) rememberSession(value.session_id);
      } catch { /* shown as it came */ }
    }
    parts.push(h("p", { class: "example-label", text: "Response body" }),
      h("pre", { class: "code", tabindex: "0", "aria-label": "Response body", text: text || "(empty)" }));
  } else {
    parts.push(h("p", { text: `A ${type || "binary"} file of ${formatBytes(blob.size)} (not shown).` }));
  }
  output.replaceChildren(...parts);
  output.hidden = false;
}

/** A new session's id fills the empty id fields of the other operations. */
function rememberSession(id) {
  lastSessionId = id;
  for (const input of document.querySelectorAll('input[data-param="id"]')) if (!input.value.trim()) input.value = id;
}

// --- Page ------------------------------------------------------------------------------------

function renderIntro(info) {
  const intro = document.getElementById("intro");
  const parts = [];
  if (info.summary) parts.push(h("p", { class: "lead", text: info.summary }));
  if (info.description) parts.push(h("p", { text: info.description }));
  parts.push(h("p", { class: "meta" }, `Version ${info.version || "?"} · OpenAPI ${spec.openapi} · `,
    h("a", { href: "/openapi.json", text: "openapi.json" })));
  intro.replaceChildren(...parts);
}

function render() {
  renderIntro(spec.info || {});
  const tags = (spec.tags || []).map((t) => ({ ...t, ops: [] }));
  const byName = new Map(tags.map((t) => [t.name, t]));
  for (const [path, pathItem] of Object.entries(spec.paths || {})) {
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const tagName = (op.tags && op.tags[0]) || "Other";
      if (!byName.has(tagName)) { const t = { name: tagName, ops: [] }; tags.push(t); byName.set(tagName, t); }
      byName.get(tagName).ops.push({ path, method, pathItem, op });
    }
  }
  const toc = document.getElementById("toc");
  const tocList = h("ul", { class: "toc-groups" });
  const operations = document.getElementById("operations");
  for (const tag of tags.filter((t) => t.ops.length)) {
    const tagId = `tag-${slug(tag.name)}`;
    const section = h("section", { class: "tag", id: tagId, "aria-labelledby": `${tagId}-h` },
      h("h2", { id: `${tagId}-h`, text: tag.name }));
    if (tag.description) section.append(h("p", { class: "tag-desc", text: tag.description }));
    const links = h("ul", { class: "toc-ops" });
    for (const { path, method, pathItem, op } of tag.ops) {
      const { id, section: opSection } = renderOperation(path, method, pathItem, op);
      section.append(opSection);
      links.append(h("li", {}, h("a", { href: `#${id}` }, methodBadge(method), " ", h("span", { class: "toc-path" }, pathText(path)))));
    }
    tocList.append(h("li", {}, h("a", { class: "toc-tag", href: `#${tagId}`, text: tag.name }), links));
    operations.append(section);
  }
  toc.append(tocList);
  toc.hidden = false;
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
}

async function main() {
  try {
    const response = await fetch("/openapi.json", { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    spec = await response.json();
    render();
    document.body.dataset.ready = "true";
  } catch (err) {
    const message = document.getElementById("load-message");
    message.setAttribute("role", "alert");
    message.textContent = `Could not load the API description (/openapi.json): ${err.message}`;
  }
}

main();
