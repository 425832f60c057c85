// What this browser remembers: past sessions, recently asked questions, the
// session in progress, the last setup choices and the practice profile's token. localStorage may be missing
// or full (private windows); then the app still works, it just forgets.

const KEYS = {
  history: "prepbot.history.v1",
  recent: "prepbot.recentQuestions.v1",
  current: "prepbot.current.v1",
  prefs: "prepbot.prefs.v1",
  profile: "prepbot.profile.v1",
};
const MAX_HISTORY = 50;
const MAX_RECENT = 50;

function read(key, fallback) {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return fallback;
    const value = JSON.parse(raw);
    return value === null || value === undefined ? fallback : value;
  } catch {
    return fallback;
  }
}

function write(key, value) {
  try {
    if (value === null || value === undefined) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage unavailable or full: nothing to do.
  }
}

// --- history: [{id, date, role, mode, overall, status}] newest first ---
export function getHistory() {
  const list = read(KEYS.history, []);
  return Array.isArray(list) ? list.filter((e) => e && typeof e.id === "string") : [];
}

export function upsertHistory(entry) {
  const list = getHistory();
  const i = list.findIndex((e) => e.id === entry.id);
  if (i >= 0) list[i] = { ...list[i], ...entry };
  else list.unshift(entry);
  list.sort((a, b) => String(b.date).localeCompare(String(a.date)));
  write(KEYS.history, list.slice(0, MAX_HISTORY));
}

export function removeHistory(id) {
  write(KEYS.history, getHistory().filter((e) => e.id !== id));
}

// --- recently asked bank questions, newest last ---
export function getRecentQuestions() {
  const list = read(KEYS.recent, []);
  return Array.isArray(list) ? list.filter((x) => typeof x === "string" && x) : [];
}

export function addRecentQuestions(bankIds) {
  const fresh = bankIds.filter((x) => typeof x === "string" && x);
  const list = getRecentQuestions().filter((x) => !fresh.includes(x)).concat(fresh);
  write(KEYS.recent, list.slice(-MAX_RECENT));
}

// --- the session in progress: {id, position, roleNote, role, total} ---
export function getCurrent() {
  const value = read(KEYS.current, null);
  return value && typeof value.id === "string" ? value : null;
}

export function setCurrent(value) {
  write(KEYS.current, value);
}

export function updateCurrent(id, patch) {
  const value = getCurrent();
  if (value && value.id === id) write(KEYS.current, { ...value, ...patch });
}

export function clearCurrent(id) {
  const value = getCurrent();
  if (!id || (value && value.id === id)) write(KEYS.current, null);
}

// --- last setup choices and settings ---
export function getPrefs() {
  const value = read(KEYS.prefs, {});
  return value && typeof value === "object" ? value : {};
}

export function setPrefs(patch) {
  write(KEYS.prefs, { ...getPrefs(), ...patch });
}

// --- the practice profile: {token, profile_id, created_at}; the token is its only key ---
export function getProfile() {
  const value = read(KEYS.profile, null);
  return value && typeof value.token === "string" && value.token ? value : null;
}

export function getProfileToken() {
  const value = getProfile();
  return value ? value.token : null;
}

export function setProfile(value) {
  write(KEYS.profile, value);
}

export function forgetProfile() {
  write(KEYS.profile, null);
}
