// swift-format-ignore-file
// GENERATED FILE — do not edit by hand.
//
// The kiosk screen's page, style sheet and script, served by the daemon under `/kiosk/`.
//
// Regenerate: `scripts/generate-embedded` writes this file from `data/kiosk/*` (index.html,
// kiosk.css, kiosk.js), one entry per file, sorted by file name, the file's content inside a
// `###"""` raw string literal.

/// The kiosk page's files embedded in the server.
enum KioskAssets {
    /// `(file name, text)` for every file of the page.
    static let all: [(fileName: String, text: String)] = [
        (
            "index.html",
            ###"""
<!doctype html>
<html lang="vi" data-state="idle" data-connected="false" data-language="both" data-mode="production">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<title>qrgate</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/kiosk/kiosk.css">
<script src="/kiosk/kiosk.js" defer></script>
</head>
<body>
<header id="top">
  <p id="place"><span id="gate"></span> <span id="site"></span></p>
  <button id="language" type="button" aria-label="Ngôn ngữ / Language">
    <span lang="vi">Ngôn ngữ</span><span lang="en">Language</span>
  </button>
</header>

<p id="connection" role="status" hidden>
  <span lang="vi">Đang kết nối lại với cổng…</span><span lang="en">Reconnecting to the gate…</span>
</p>
<ul id="banners" aria-live="polite"></ul>

<main>
  <!-- idle: where and how to hold the code -->
  <section id="view-idle" class="view">
    <svg class="hold" viewBox="0 0 200 240" aria-hidden="true">
      <rect class="camera" x="70" y="4" width="60" height="30" rx="8"/>
      <circle class="lens" cx="100" cy="19" r="9"/>
      <path class="arrow" d="M100 112 V52 M84 68 L100 50 L116 68"/>
      <rect class="phone" x="58" y="122" width="84" height="112" rx="10"/>
      <rect class="screen" x="66" y="134" width="68" height="86" rx="2"/>
      <path class="qr" d="M72 140h18v18h-18zM110 140h18v18h-18zM72 196h18v18h-18zM96 140h8v8h-8zM96 154h8v8h-8zM96 168h32v8h-32zM72 168h18v8h-18zM96 182h8v8h-8zM110 182h18v8h-18zM96 196h8v18h-8zM110 196h8v8h-8zM120 206h8v8h-8z"/>
    </svg>
    <div class="words">
      <h1><span lang="vi">Đưa mã QR trước camera</span><span lang="en">Hold your QR code up to the camera</span></h1>
      <ul class="steps">
        <li><span lang="vi">Cách camera khoảng 15–25 cm, mã hướng về camera</span><span lang="en">About 15–25 cm away, code facing the camera</span></li>
        <li><span lang="vi">Giữ yên cho đến khi có kết quả</span><span lang="en">Hold still until the result appears</span></li>
        <li><span lang="vi">Nếu cần thêm mã, màn hình sẽ hướng dẫn</span><span lang="en">If another code is needed, the screen will tell you</span></li>
      </ul>
    </div>
  </section>

  <!-- reading: a code was seen and is being decided -->
  <section id="view-reading" class="view" aria-live="polite">
    <div class="spinner" aria-hidden="true"></div>
    <h1><span lang="vi">Đang đọc…</span><span lang="en">Reading…</span></h1>
    <p><span lang="vi">Giữ yên mã</span><span lang="en">Keep the code still</span></p>
  </section>

  <!-- waiting: part of a presentation has been read, more is needed -->
  <section id="view-waiting" class="view" aria-live="polite">
    <div class="lists">
      <h2><span lang="vi">Đã đọc</span><span lang="en">Already read</span></h2>
      <ul id="have" class="have"></ul>
      <h2><span lang="vi">Còn cần</span><span lang="en">Still needed</span></h2>
      <ul id="needed" class="needed"></ul>
    </div>
    <div class="timer">
      <p id="countdown" aria-live="off">0</p>
      <p><span lang="vi">giây</span><span lang="en">seconds</span></p>
    </div>
  </section>

  <!-- result: admit / refuse / refer -->
  <section id="view-result" class="view" aria-live="assertive">
    <div class="verdict">
      <div class="icon" aria-hidden="true">
        <svg class="icon-admit" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46"/><path d="M27 52 L44 69 L75 33"/></svg>
        <svg class="icon-refuse" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46"/><path d="M32 32 L68 68 M68 32 L32 68"/></svg>
        <svg class="icon-refer" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46"/><path d="M50 24 V58"/><circle class="dot" cx="50" cy="74" r="5"/></svg>
      </div>
      <div class="words">
        <h1 id="decision-word"></h1>
        <p id="direction"></p>
        <p id="name" hidden></p>
      </div>
    </div>
    <ul id="reasons"></ul>
    <aside id="staff-notes" hidden>
      <h2><span lang="vi">Dành cho nhân viên</span><span lang="en">For staff</span></h2>
      <ul id="staff-note-list"></ul>
    </aside>
    <figure id="receipt-box" hidden>
      <div id="receipt"></div>
      <figcaption><span lang="vi">Biên nhận của bạn</span><span lang="en">Your receipt</span></figcaption>
    </figure>
  </section>

  <!-- error: the gate could not record the check-in -->
  <section id="view-error" class="view" aria-live="assertive">
    <div class="icon" aria-hidden="true">
      <svg viewBox="0 0 100 100"><circle cx="50" cy="50" r="46"/><path d="M50 24 V58"/><circle class="dot" cx="50" cy="74" r="5"/></svg>
    </div>
    <h1><span lang="vi">Vui lòng gặp nhân viên</span><span lang="en">Please see staff</span></h1>
    <p id="error-message"></p>
    <p class="code"><span lang="vi">Mã lỗi</span><span lang="en">Error code</span> <code id="error-code"></code></p>
  </section>
</main>
</body>
</html>
"""###
        ),
        (
            "kiosk.css",
            ###"""
/* qrgate kiosk screen.
 *
 * Text contrast, WCAG 2 relative-luminance ratio (all at least 4.5:1):
 *   #ffffff on #0d1b2a  idle background           17.39
 *   #bcd4e6 on #0d1b2a  idle secondary text        11.35
 *   #ffb300 on #0d1b2a  idle accent (still needed)  9.69
 *   #ffffff on #1a2f45  header                     13.67
 *   #bcd4e6 on #1a2f45  header site / gate          8.92
 *   #ffffff on #1b5e20  admit                       7.87
 *   #ffffff on #b71c1c  refuse                      6.57
 *   #000000 on #ffb300  refer, warning banners     11.70
 *   #000000 on #ffd54f  reconnecting banner        14.88
 *   #ffffff on #4a148c  demo banner                11.86
 *   #ffffff on #263238  error                      13.16
 *   #ffb300 on #263238  error icon and code         7.33
 *   #000000 on #ffffff  receipt, staff notes       21.00
 */

:root { font-size: clamp(14px, 3.2vmin, 44px); }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

html, body { height: 100%; margin: 0; overflow: hidden; }
body {
  display: flex;
  flex-direction: column;
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  line-height: 1.2;
  background: #0d1b2a;
  color: #ffffff;
  user-select: none;
  -webkit-user-select: none;
  -webkit-tap-highlight-color: transparent;
}
h1, h2, p, ul, figure { margin: 0; }
ul { padding: 0; list-style: none; }

/* ---- Languages: every text is <span lang="vi">…</span><span lang="en">…</span> ---- */
body [lang] { display: block; }
html[data-language="both"] body [lang="en"] { font-size: 0.8em; }
html[data-language="vi"] body [lang="en"],
html[data-language="en"] body [lang="vi"] { display: none !important; }
/* pairs shown on one line, "Tiếng Việt · English" */
#language > [lang], #connection > [lang], #banners > li > [lang],
#direction > [lang], .code > [lang] { display: inline; }
html[data-language="both"] #language > [lang="en"]::before,
html[data-language="both"] #connection > [lang="en"]::before,
html[data-language="both"] #banners > li > [lang="en"]::before,
html[data-language="both"] #direction > [lang="en"]::before,
html[data-language="both"] .code > [lang="en"]::before { content: " · "; }

/* ---- Header: place and language toggle ---- */
#top {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 1rem;
  padding: 0.25rem 0.8rem;
  background: #1a2f45;
}
#place { font-size: 0.8rem; color: #bcd4e6; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#gate { font-weight: 700; color: #ffffff; margin-right: 0.4em; }
#language {
  flex: none;
  min-height: max(48px, 2.6rem);
  min-width: max(120px, 8rem);
  padding: 0.2rem 0.8rem;
  font: inherit;
  font-size: 0.8rem;
  font-weight: 700;
  color: #ffffff;
  background: #0d1b2a;
  border: 2px solid #ffffff;
  border-radius: 0.6rem;
  cursor: pointer;
  touch-action: manipulation;
}
#language::after { margin-left: 0.5em; padding: 0 0.3em; border: 1px solid #ffffff; border-radius: 0.3em; }
html[data-language="both"] #language::after { content: "VI+EN"; }
html[data-language="vi"] #language::after { content: "VI"; }
html[data-language="en"] #language::after { content: "EN"; }
#language:active { background: #2e4a66; }

/* ---- Banners ---- */
#connection {
  padding: 0.3rem 0.8rem;
  font-size: 0.9rem;
  font-weight: 700;
  text-align: center;
  background: #ffd54f;
  color: #000000;
}
#banners > li {
  padding: 0.25rem 0.8rem;
  font-size: 0.8rem;
  font-weight: 700;
  background: #ffb300;
  color: #000000;
  border-top: 1px solid #0d1b2a;
}
#banners > li[data-banner="demo"] { background: #4a148c; color: #ffffff; }
/* away from idle only the DEMO banner stays, so a demo result is never taken for a real one */
html:not([data-state="idle"]) #banners > li:not([data-banner="demo"]) { display: none; }

/* ---- Views: one per data-state ---- */
main { flex: 1; min-height: 0; display: flex; }
.view { display: none; flex: 1; min-width: 0; min-height: 0; padding: 1rem 1.4rem; overflow: hidden; }
html[data-state="idle"] #view-idle,
html[data-state="reading"] #view-reading,
html[data-state="waiting"] #view-waiting,
html[data-state="error"] #view-error { display: flex; }
html[data-state="result"] #view-result { display: grid; }

/* idle */
#view-idle { align-items: center; justify-content: center; gap: 2rem; }
.hold { flex: none; height: min(58vmin, 100%); width: auto; }
.hold .camera, .hold .phone { fill: #bcd4e6; }
.hold .lens { fill: #0d1b2a; }
.hold .screen { fill: #ffffff; }
.hold .qr { fill: #000000; }
.hold .arrow { fill: none; stroke: #ffb300; stroke-width: 8; stroke-linecap: round; stroke-linejoin: round; }
#view-idle h1 { font-size: 2.1rem; font-weight: 800; margin-bottom: 1rem; }
.steps > li { font-size: 1.15rem; margin-top: 0.6rem; padding-left: 0.8rem; border-left: 0.3rem solid #ffb300; color: #bcd4e6; }

/* reading */
#view-reading { flex-direction: column; align-items: center; justify-content: center; gap: 1rem; text-align: center; }
#view-reading h1 { font-size: 2.6rem; font-weight: 800; }
#view-reading p { font-size: 1.3rem; color: #bcd4e6; }
.spinner {
  width: 18vmin;
  height: 18vmin;
  border: 2vmin solid #2e4a66;
  border-top-color: #ffb300;
  border-radius: 50%;
  animation: spin 0.9s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }

/* waiting */
#view-waiting { align-items: center; justify-content: center; gap: 2rem; }
#view-waiting .lists { flex: 1; min-width: 0; max-width: 60rem; }
#view-waiting h2 { font-size: 1rem; font-weight: 700; color: #bcd4e6; margin-top: 0.6rem; text-transform: uppercase; letter-spacing: 0.04em; }
#view-waiting li { font-size: 1.4rem; margin-top: 0.4rem; padding-left: 1.6em; position: relative; }
#view-waiting li::before { position: absolute; left: 0; font-weight: 800; }
.have > li::before { content: "✓"; }
.needed > li { color: #ffb300; font-weight: 700; }
.needed > li::before { content: "→"; }
.timer {
  flex: none;
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  width: 30vmin;
  height: 30vmin;
  border: 1.2vmin solid #ffb300;
  border-radius: 50%;
}
#countdown { font-size: 12vmin; font-weight: 800; line-height: 1; font-variant-numeric: tabular-nums; }
.timer > p:last-child { font-size: 0.9rem; text-align: center; }

/* result */
html[data-state="result"][data-decision="admit"] main { background: #1b5e20; color: #ffffff; }
html[data-state="result"][data-decision="refuse"] main { background: #b71c1c; color: #ffffff; }
html[data-state="result"][data-decision="refer"] main { background: #ffb300; color: #000000; }
#view-result {
  grid-template-columns: minmax(0, 1fr) auto;
  grid-template-areas: "verdict receipt" "reasons receipt" "notes receipt";
  grid-template-rows: auto auto 1fr;
  gap: 0.6rem 1.5rem;
  padding: 0.8rem 1.4rem;
}
.verdict { grid-area: verdict; display: flex; align-items: center; gap: 1rem; min-width: 0; }
.verdict .words { min-width: 0; }
.icon svg { display: block; width: 15vmin; height: 15vmin; fill: none; stroke: currentColor; stroke-width: 9; stroke-linecap: round; stroke-linejoin: round; }
.icon svg .dot { fill: currentColor; stroke: none; }
.icon-admit, .icon-refuse, .icon-refer { display: none !important; }
html[data-decision="admit"] .icon-admit,
html[data-decision="refuse"] .icon-refuse,
html[data-decision="refer"] .icon-refer { display: block !important; }
#decision-word { font-size: 2.7rem; font-weight: 800; line-height: 1.1; }
#direction {
  display: inline-block;
  margin-top: 0.3rem;
  padding: 0.05rem 0.6rem;
  font-size: 1.1rem;
  font-weight: 700;
  border: 2px solid currentColor;
  border-radius: 0.4rem;
}
#name { margin-top: 0.3rem; font-size: 1.4rem; font-weight: 700; letter-spacing: 0.03em; overflow-wrap: anywhere; }
#reasons { grid-area: reasons; }
#reasons > li { font-size: 1rem; margin-bottom: 0.35rem; padding-left: 0.6rem; border-left: 0.25rem solid currentColor; }
#staff-notes {
  grid-area: notes;
  align-self: start;
  padding: 0.35rem 0.7rem;
  background: #ffffff;
  color: #000000;
  border: 0.2rem dashed #000000;
  border-radius: 0.4rem;
}
#staff-notes h2 { font-size: 0.75rem; font-weight: 800; text-transform: uppercase; letter-spacing: 0.05em; }
#staff-note-list > li { font-size: 0.9rem; margin-top: 0.2rem; }
#receipt-box { grid-area: receipt; display: flex; flex-direction: column; align-items: center; }
#receipt {
  /* The SVG carries its own 4-module quiet zone: little padding, the most modules per pixel. */
  width: 50vmin;
  height: 50vmin;
  padding: 0.8vmin;
  background: #ffffff;
  border-radius: 0.4rem;
}
#receipt svg { display: block; width: 100%; height: 100%; }
#receipt-box figcaption { margin-top: 0.3rem; font-size: 0.85rem; font-weight: 700; text-align: center; }

/* error */
#view-error { flex-direction: column; align-items: center; justify-content: center; gap: 0.8rem; text-align: center; }
html[data-state="error"] main { background: #263238; color: #ffffff; }
#view-error .icon { color: #ffb300; }
#view-error h1 { font-size: 2.6rem; font-weight: 800; }
#error-message { font-size: 1.3rem; }
.code { font-size: 1.1rem; }
#error-code { font-family: "DejaVu Sans Mono", monospace; font-weight: 700; color: #ffb300; }

/* portrait screens: one column */
@media (orientation: portrait) {
  #view-idle, #view-waiting { flex-direction: column; text-align: center; }
  #view-idle .steps > li { text-align: left; }
  .hold { height: auto; width: 45vmin; }
  #view-result {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "verdict" "reasons" "receipt" "notes";
    grid-template-rows: auto auto auto 1fr;
  }
  #receipt { width: 56vmin; height: 56vmin; }
}
"""###
        ),
        (
            "kiosk.js",
            ###"""
// qrgate kiosk screen: follows the gate's Server-Sent Events and shows one state at a time.
// State hooks live on <html>: data-state, data-decision, data-checkin-id, data-connected,
// data-language, data-mode. All text from events goes in with textContent.
'use strict';

(() => {
  const root = document.documentElement;
  const $ = (id) => document.getElementById(id);

  const WORDS = {
    admit: { vi: 'Mời vào', en: 'Admitted' },
    refuse: { vi: 'Không được vào', en: 'Not admitted' },
    refer: { vi: 'Gặp nhân viên', en: 'See staff' },
  };
  const DIRECTIONS = { entry: { vi: 'Vào', en: 'Entry' }, exit: { vi: 'Ra', en: 'Exit' } };
  const ERROR_TEXT = {
    vi: 'Cổng không thể ghi nhận lượt này.',
    en: 'The gate could not record this check-in.',
  };
  const LANGUAGES = ['both', 'vi', 'en'];
  const READING_TIMEOUT_MS = 20000; // a "reading" that is never followed up falls back to idle
  const RECONNECT_MAX_MS = 30000;
  const RECEIPT_MAX_CHARS = 200000;

  const config = { resultSeconds: 8, sound: true, language: 'both' };
  let stateTimer = null; // leaves reading / result / error
  let countdownTimer = null; // ticks the waiting countdown

  // ---------- text helpers ----------

  const str = (v) => (typeof v === 'string' ? v : '');

  // {vi, en} → <span lang="vi">…</span><span lang="en">…</span>; a missing side uses the other.
  function pair(text) {
    const vi = str(text && text.vi) || str(text && text.en);
    const en = str(text && text.en) || vi;
    const frag = document.createDocumentFragment();
    for (const [lang, value] of [['vi', vi], ['en', en]]) {
      const span = document.createElement('span');
      span.lang = lang;
      span.textContent = value;
      frag.append(span);
    }
    return frag;
  }

  function fillPair(el, text) {
    el.replaceChildren(pair(text));
  }

  // One <li> per item, each with data-code when the item has a code.
  function fillList(ul, items) {
    const list = Array.isArray(items) ? items : [];
    ul.replaceChildren(...list.map((item) => {
      const li = document.createElement('li');
      if (item && typeof item.code === 'string') li.dataset.code = item.code;
      li.append(pair(item));
      return li;
    }));
    return list.length;
  }

  // ---------- receipt SVG ----------

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const SVG_ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'polygon', 'polyline', 'line', 'title', 'desc']);
  const SVG_ATTRIBUTES = new Set([
    'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry',
    'd', 'points', 'fill', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'transform',
    'shape-rendering', 'preserveAspectRatio', 'version',
  ]);

  // Parses the SVG text as XML, imports it, and keeps only plain shapes and geometry
  // (no scripts, links, styles, event handlers or foreign content). Returns null if unusable.
  function receiptNode(text) {
    if (typeof text !== 'string' || text.length === 0 || text.length > RECEIPT_MAX_CHARS) return null;
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const source = parsed.documentElement;
    if (!source || source.namespaceURI !== SVG_NS || source.localName !== 'svg') return null;
    if (parsed.getElementsByTagName('parsererror').length > 0) return null;
    // clean the inert parsed tree first, so nothing unwanted ever enters this document
    for (const el of [source, ...source.querySelectorAll('*')]) {
      if (el.namespaceURI !== SVG_NS || !SVG_ELEMENTS.has(el.localName)) {
        el.remove();
        continue;
      }
      for (const attr of [...el.attributes]) {
        if (attr.namespaceURI !== null || !SVG_ATTRIBUTES.has(attr.localName) || /url\s*\(/i.test(attr.value)) {
          el.removeAttributeNode(attr);
        }
      }
    }
    const svg = document.importNode(source, true);
    // Scale with CSS: make sure there is a viewBox, then let the container set the size.
    const w = parseFloat(svg.getAttribute('width'));
    const h = parseFloat(svg.getAttribute('height'));
    if (!svg.hasAttribute('viewBox') && w > 0 && h > 0) svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Biên nhận / Receipt');
    return svg;
  }

  // ---------- sound ----------

  let audio = null;

  function tone(ctx, frequency, start, seconds) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + seconds + 0.05);
  }

  function audioContext() {
    const AudioCtor = window.AudioContext || window.webkitAudioContext;
    if (!AudioCtor) return null;
    if (!audio) audio = new AudioCtor();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
    return audio;
  }

  // admit: two rising tones; refuse / refer / error: one low tone. Failures are ignored.
  function cue(kind) {
    if (!config.sound) return;
    try {
      const ctx = audioContext();
      if (!ctx) return;
      const t = ctx.currentTime + 0.02;
      if (kind === 'admit') {
        tone(ctx, 660, t, 0.14);
        tone(ctx, 990, t + 0.16, 0.22);
      } else {
        tone(ctx, 220, t, 0.45);
      }
    } catch (_) {
      // autoplay policy or no audio device: stay silent
    }
  }

  // ---------- states ----------

  function clearTimers() {
    clearTimeout(stateTimer);
    clearInterval(countdownTimer);
    stateTimer = null;
    countdownTimer = null;
  }

  function clearResult() {
    delete root.dataset.decision;
    delete root.dataset.checkinId;
    // nothing of the previous person stays on the page
    for (const id of ['decision-word', 'direction', 'name', 'reasons', 'staff-note-list', 'receipt', 'error-message', 'error-code', 'have', 'needed']) {
      $(id).replaceChildren();
    }
    $('name').hidden = true;
    $('staff-notes').hidden = true;
    $('receipt-box').hidden = true;
  }

  function setState(state) {
    clearTimers();
    clearResult();
    root.dataset.state = state;
  }

  // Timed return to idle; the next person starts in the configured language.
  function returnToIdle() {
    setState('idle');
    root.dataset.language = config.language;
    updateLanguageLabel();
  }

  function onStatus(s) {
    $('site').textContent = str(s.site);
    $('gate').textContent = str(s.gate);
    root.dataset.mode = s.mode === 'demo' ? 'demo' : 'production';
    const seconds = Number(s.result_seconds);
    config.resultSeconds = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) : 8;
    config.sound = s.sound !== false;
    const language = LANGUAGES.includes(s.language) ? s.language : 'both';
    if (language !== config.language) {
      // a changed default applies at once; a repeated status keeps the person's choice
      config.language = language;
      root.dataset.language = language;
      updateLanguageLabel();
    }
    const banners = Array.isArray(s.banners) ? s.banners : [];
    $('banners').replaceChildren(...banners.map((b) => {
      const li = document.createElement('li');
      li.dataset.banner = str(b && b.code);
      li.append(pair(b));
      return li;
    }));
  }

  function onReading() {
    setState('reading');
    stateTimer = setTimeout(returnToIdle, READING_TIMEOUT_MS);
  }

  function onWaiting(w) {
    setState('waiting');
    fillList($('have'), w.have);
    fillList($('needed'), w.needed);
    const given = Number(w.seconds_left);
    const seconds = Number.isFinite(given) ? Math.min(Math.max(given, 0), 3600) : 15;
    const deadline = performance.now() + seconds * 1000;
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
      $('countdown').textContent = String(left);
      if (left === 0) returnToIdle();
    };
    tick();
    if (root.dataset.state === 'waiting') countdownTimer = setInterval(tick, 250);
  }

  function onResult(r) {
    const decision = Object.hasOwn(WORDS, r.decision) ? r.decision : 'refer';
    setState('result');
    root.dataset.decision = decision;
    root.dataset.checkinId = str(r.check_in_id);
    fillPair($('decision-word'), WORDS[decision]);

    const direction = $('direction');
    const dir = Object.hasOwn(DIRECTIONS, r.direction) ? r.direction : null;
    direction.hidden = dir === null;
    if (dir) {
      direction.dataset.direction = dir;
      fillPair(direction, DIRECTIONS[dir]);
    }

    const name = str(r.name);
    $('name').textContent = name;
    $('name').hidden = name === '';

    $('reasons').hidden = fillList($('reasons'), r.reasons) === 0;
    $('staff-notes').hidden = fillList($('staff-note-list'), r.staff_notes) === 0;

    const svg = receiptNode(r.receipt_svg);
    if (svg) $('receipt').append(svg);
    $('receipt-box').hidden = svg === null;

    cue(decision);
    stateTimer = setTimeout(returnToIdle, config.resultSeconds * 1000);
  }

  function onGateError(e) {
    setState('error');
    const hasText = str(e.vi) !== '' || str(e.en) !== '';
    fillPair($('error-message'), hasText ? e : ERROR_TEXT);
    $('error-code').textContent = str(e.code) || 'unknown';
    cue('error');
    stateTimer = setTimeout(returnToIdle, config.resultSeconds * 1000);
  }

  // ---------- language toggle ----------

  const LANGUAGE_NAMES = { both: 'Tiếng Việt + English', vi: 'Tiếng Việt', en: 'English' };

  function updateLanguageLabel() {
    const current = root.dataset.language;
    $('language').setAttribute('aria-label', `Ngôn ngữ / Language: ${LANGUAGE_NAMES[current] || current}`);
  }

  function nextLanguage() {
    const i = LANGUAGES.indexOf(root.dataset.language);
    root.dataset.language = LANGUAGES[(i + 1) % LANGUAGES.length];
    updateLanguageLabel();
    try { audioContext(); } catch (_) { /* a touch is a chance to unlock audio */ }
  }

  // ---------- connection ----------

  let source = null;
  let reconnectDelay = 1000;
  let reconnectTimer = null;

  function eventsURL() {
    const token = new URLSearchParams(window.location.search).get('token');
    return '/kiosk/events' + (token ? '?token=' + encodeURIComponent(token) : '');
  }

  function setConnected(connected) {
    root.dataset.connected = String(connected);
    $('connection').hidden = connected;
  }

  // Each named event carries one JSON object; a malformed one is dropped.
  function on(name, handler) {
    source.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      if (data !== null && typeof data === 'object') handler(data);
    });
  }

  function connect() {
    reconnectTimer = null;
    source = new EventSource(eventsURL());
    source.addEventListener('open', () => {
      reconnectDelay = 1000;
      setConnected(true);
    });
    // The gate's own "error" event and the EventSource's connection error share a name:
    // the gate's is a MessageEvent with data, the connection's is a plain Event.
    source.addEventListener('error', (event) => {
      if (event instanceof MessageEvent && typeof event.data === 'string') return;
      setConnected(false);
      if (source.readyState === EventSource.CLOSED && reconnectTimer === null) {
        // the browser gave up (e.g. an HTTP error status): retry with a capped back-off
        reconnectTimer = setTimeout(connect, reconnectDelay);
        reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
      }
    });
    on('status', onStatus);
    on('reading', onReading);
    on('waiting', onWaiting);
    on('result', onResult);
    on('error', onGateError);
  }

  $('language').addEventListener('click', nextLanguage);
  updateLanguageLabel();
  connect();
  // Before the first connection, show the banner only if it takes a while.
  setTimeout(() => { if (root.dataset.connected !== 'true') setConnected(false); }, 3000);
})();
"""###
        ),
    ]
}
