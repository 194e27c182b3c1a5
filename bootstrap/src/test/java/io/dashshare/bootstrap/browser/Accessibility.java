package io.dashshare.bootstrap.browser;

import java.util.List;

/** Checks run in the page: every control has a name, and text meets WCAG AA contrast. */
final class Accessibility {

    private Accessibility() {
    }

    /** Form controls a screen reader would announce without a name. */
    @SuppressWarnings("unchecked")
    static List<String> unlabelledControls(Browser browser) {
        return (List<String>) browser.js("return [...document.querySelectorAll('input, select, textarea, button')]"
                + ".filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')"
                + " && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON' && el.textContent.trim()))"
                + ".map(el => el.outerHTML)");
    }

    /**
     * Visible text whose colour against the first opaque background behind it is under 4.5:1
     * (3:1 for large text). Chart canvases are not text; their data tables are checked.
     */
    @SuppressWarnings("unchecked")
    static List<String> lowContrastText(Browser browser) {
        return (List<String>) browser.js(String.join("\n",
                "const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;",
                "  const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);",
                "  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };",
                "const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };",
                "  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };",
                "const background = (el) => { for (let e = el; e; e = e.parentElement) {",
                "  const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.9) return c; }",
                "  return { r: 255, g: 255, b: 255 }; };",
                "const bad = [];",
                "for (const el of document.querySelectorAll('body *')) {",
                "  if (!el.getClientRects().length || el.closest('.visually-hidden, [hidden], details:not([open]) > table')) continue;",
                "  if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;",
                "  const cs = getComputedStyle(el); if (cs.visibility === 'hidden' || Number(cs.opacity) < 0.5) continue;",
                "  const fg = parse(cs.color); if (!fg) continue;",
                "  const a = lum(fg), b = lum(background(el));",
                "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
                "  const size = parseFloat(cs.fontSize), large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);",
                "  if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName + ' \"' + el.textContent.trim().slice(0, 40) + '\" ' + ratio.toFixed(2));",
                "}",
                "return bad;"));
    }
}
