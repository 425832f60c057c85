// Labels and formatting shared by the screens.

export const ROLE_FAMILIES = [
  ["backend", "Backend engineer"],
  ["frontend", "Frontend engineer"],
  ["fullstack", "Full-stack engineer"],
  ["mobile", "Mobile developer"],
  ["data-scientist", "Data scientist"],
  ["ml-engineer", "Machine learning engineer"],
  ["data-analyst", "Data analyst"],
  ["devops-sre", "DevOps / site reliability engineer"],
  ["security", "Security engineer"],
  ["qa", "QA engineer"],
  ["database", "Database administrator"],
  ["cloud-architect", "Cloud architect"],
  ["product-manager", "Product manager"],
  ["engineering-manager", "Engineering manager"],
];

export const EXPERIENCE_LEVELS = ["0-1 years", "1-3 years", "3-5 years", "5+ years"];

export const MODES = [
  ["mixed", "Mixed", "Technical and behavioral questions, alternating"],
  ["technical", "Technical", "Knowledge questions for the role"],
  ["behavioral", "Behavioral", "Stories about your past work (STAR)"],
];

export const DIFFICULTIES = [
  ["mixed", "Mixed (suits your level)"],
  ["easy", "Easy"],
  ["medium", "Medium"],
  ["hard", "Hard"],
];

export const SCORE_DIMENSIONS = [
  ["technical", "Technical content"],
  ["communication", "Communication"],
  ["confidence", "Confidence"],
];

export function familyTitle(family) {
  const found = ROLE_FAMILIES.find(([id]) => id === family);
  return found ? found[1] : family || "";
}

export function capitalize(text) {
  const s = String(text || "");
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function modeLabel(mode) {
  const found = MODES.find(([id]) => id === mode);
  return found ? found[1] : capitalize(mode);
}

/** 7 → "7", 6.25 → "6.3" */
export function formatScore(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return "–";
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A CSS class for a bar filled to value/10, in steps of 5 %. */
export function widthClass(value) {
  const n = Math.max(0, Math.min(10, Number(value) || 0));
  return `w-${Math.round(n * 2) * 5}`;
}

/** "low" | "mid" | "high" for colouring a 1-10 score. */
export function scoreLevel(value) {
  const n = Number(value) || 0;
  if (n >= 7) return "high";
  if (n >= 5) return "mid";
  return "low";
}

export function formatDate(iso, { time = true } = {}) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const options = time
    ? { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }
    : { year: "numeric", month: "short", day: "numeric" };
  return d.toLocaleString(undefined, options);
}

export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function countWords(text) {
  const matches = String(text || "").trim().match(/\S+/g);
  return matches ? matches.length : 0;
}

/**
 * "Title — https://url" → {title, url}. Only http(s) addresses become links;
 * anything else is returned as text ({title, url: null}).
 */
export function parseResource(resource) {
  const text = String(resource || "").trim();
  const match = /^(.*?)\s+[—–-]+\s+(https?:\/\/\S+)\s*$/u.exec(text);
  let title = text;
  let url = null;
  if (match) {
    title = match[1].trim() || match[2];
    url = match[2];
  } else if (/^https?:\/\/\S+$/.test(text)) {
    title = text;
    url = text;
  }
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") url = null;
      else url = parsed.href;
    } catch {
      url = null;
    }
  }
  return { title, url };
}
