// Numbers as a clerk writes them, one way per language: Vietnamese groups thousands with a
// dot and marks decimals with a comma ("1.147", "25,5"); English the other way round
// ("1,147", "25.5"). Pure functions, shared by the page and its Node tests. The package
// itself only takes plain JSON numbers and dot-decimal strings: the page reads the local
// writing here and sends the plain value; what the value means stays with the package.

export const MARKS = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

const escape = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SPACES = /[\s\u00a0\u202f]/g;

const grammars = {};
function grammar(lang) {
  if (!grammars[lang]) {
    const { group, decimal } = MARKS[lang];
    const g = escape(group);
    const d = escape(decimal);
    // A sign, the whole part (plain digits, or groups of three with the local mark or a
    // space), then the local decimal mark and digits.
    grammars[lang] = new RegExp(`^([-+]?)(\\d+|\\d{1,3}(?:${g}\\d{3})+|\\d{1,3}(?: \\d{3})+)(?:${d}(\\d+))?$`);
  }
  return grammars[lang];
}

/**
 * Reads a number typed in `lang`. Returns `{ empty: true }`, `{ text }` with the plain
 * decimal text (dot decimal mark, no grouping, no leading zeros: "1147", "25.5", "-5") or
 * `{ bad: true }` for text that is no number as written in that language ("abc", "9OO",
 * "1.5" in Vietnamese, where the dot only groups thousands). `kind` "year" takes digits only.
 */
export function parseLocal(raw, lang, kind = "count") {
  const typed = String(raw ?? "")
    .trim()
    .replace(/^[\u2212\u2013]/, "-") // a typographic minus
    .replace(SPACES, " ");
  if (typed === "") return { empty: true };
  if (kind === "year") return /^\d{1,4}$/.test(typed) ? { text: String(Number(typed)) } : { bad: true };
  const m = grammar(lang).exec(typed);
  if (!m) return { bad: true };
  const [, sign, whole, fraction] = m;
  const digits = whole.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  return { text: `${sign === "-" ? "-" : ""}${digits}${fraction ? "." + fraction : ""}` };
}

/** Writes plain decimal text ("1147", "25.5") the way `lang` writes numbers. */
export function formatLocal(text, lang, kind = "count") {
  if (kind === "year") return text;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const { group, decimal } = MARKS[lang];
  const [, sign, whole, fraction] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction ? decimal + fraction : ""}`;
}

/** Rewrites a typed number from one language's writing to the other's, keeping what it
 * means; text that is no number in the first language stays as typed. */
export function convertTyped(raw, from, to, kind = "count") {
  const r = parseLocal(raw, from, kind);
  return r.text === undefined ? raw : formatLocal(r.text, to, kind);
}

/** A value read from a report file (a JSON number, or a decimal string such as "16.74")
 * written the local way; anything else (a word, a boolean) as its text. */
export function formatValue(value, lang, kind = "count") {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && Number.isFinite(value)) {
    // Plain digits, never exponent notation (1e21 → "1000000000000000000000").
    const text = Math.abs(value) >= 1e21 ? BigInt(Math.trunc(value)).toString() : String(value);
    if (/e/i.test(text)) return text; // tiny fractions: leave as written
    return formatLocal(text, lang, kind);
  }
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return formatLocal(value.trim().replace(/^(-?)0+(?=\d)/, "$1"), lang, kind);
  return String(value);
}
