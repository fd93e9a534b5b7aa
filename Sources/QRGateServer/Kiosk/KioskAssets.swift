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
<html lang="vi" data-state="idle" data-connected="false" data-language="both" data-mode="production" data-declare="false">
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

  <!-- declaring: the health declaration, made on the touchscreen (questions from /kiosk/questions) -->
  <section id="view-declaring" class="view" aria-labelledby="declaring-title">
    <div id="declaration-panel">
      <h1 id="declaring-title"><span lang="vi">Khai báo y tế</span><span lang="en">Health declaration</span></h1>
      <p id="declaration-loading" class="note"><span lang="vi">Đang tải câu hỏi…</span><span lang="en">Loading the questions…</span></p>
      <div id="declaration-questions"></div>
    </div>
    <div id="declaration-actions">
      <div class="messages">
        <p id="declaration-missing" aria-live="polite" hidden></p>
        <p id="declaration-error" role="alert" hidden></p>
      </div>
      <button id="declaration-cancel" type="button"><span lang="vi">Huỷ</span><span lang="en">Cancel</span></button>
      <button id="declaration-submit" type="button" disabled><span lang="vi">Gửi</span><span lang="en">Submit</span></button>
    </div>
    <div id="declaration-received" aria-live="polite">
      <div class="icon" aria-hidden="true">
        <svg viewBox="0 0 100 100"><circle cx="50" cy="50" r="46"/><path d="M27 52 L44 69 L75 33"/></svg>
      </div>
      <h1><span lang="vi">Đã nhận tờ khai</span><span lang="en">Declaration received</span></h1>
      <p id="declaration-next"><span lang="vi">Bây giờ hãy đưa chứng nhận của bạn trước camera</span><span lang="en">Now show your certificate to the camera</span></p>
    </div>
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

<!-- idle and waiting, when the gate takes declarations on the screen (status "declaration") -->
<footer id="declare-bar">
  <button id="declare" type="button">
    <svg viewBox="0 0 40 40" aria-hidden="true"><rect x="7" y="5" width="26" height="31" rx="3"/><path d="M14 5 V2 H26 V5 M13 15 H27 M13 22 H27 M13 29 H21"/></svg>
    <span lang="vi">Khai báo y tế</span><span lang="en">Health declaration</span>
  </button>
</footer>
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
 * Health declaration:
 *   #0d1b2a on #ffffff  declare button, submit     17.39
 *   #000000 on #ffb300  pressed choice, error line,
 *                       declare button when needed 11.70
 *   #ffffff on #1a2f45  choice, cancel             13.67
 *   #ffffff on #2e4a66  choice being touched        9.18
 *   #0d1b2a on #bcd4e6  question number            11.35
 *   #bcd4e6 on #0d1b2a  hints, byte counter        11.35
 *   #ffb300 on #0d1b2a  "not answered", low counter 9.69
 *   #ffb300 on #1a2f45  which answers are missing   7.61
 *   #bcd4e6 on #2e4a66  submit while disabled       5.99
 *   #000000 on #ffffff  free text                  21.00
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
#direction > [lang], .code > [lang], #declare > [lang] { display: inline; }
html[data-language="both"] #language > [lang="en"]::before,
html[data-language="both"] #connection > [lang="en"]::before,
html[data-language="both"] #banners > li > [lang="en"]::before,
html[data-language="both"] #direction > [lang="en"]::before,
html[data-language="both"] .code > [lang="en"]::before,
html[data-language="both"] #declare > [lang="en"]::before { content: " · "; }

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
html[data-state="error"] #view-error,
html[data-state="declaring"] #view-declaring { display: flex; }
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

/* ---- Health declaration ---- */
/* the button, in idle and waiting, when the status says the gate takes declarations */
#declare-bar { display: none; flex: none; justify-content: center; padding: 0.3rem 0.8rem 0.5rem; }
html[data-declare="true"][data-state="idle"] #declare-bar,
html[data-declare="true"][data-state="waiting"] #declare-bar { display: flex; }
#declare {
  display: flex;
  align-items: center;
  justify-content: center;
  gap: 0.6rem;
  min-height: max(64px, 2.9rem);
  min-width: min(100%, max(320px, 18rem));
  padding: 0.3rem 1.4rem;
  font: inherit;
  font-size: 1.2rem;
  font-weight: 800;
  color: #0d1b2a;
  background: #ffffff;
  border: 0.15rem solid #ffffff;
  border-radius: 0.7rem;
  cursor: pointer;
  touch-action: manipulation;
}
#declare.wanted { background: #ffb300; border-color: #ffb300; color: #000000; }
#declare:active { background: #bcd4e6; }
#declare svg { flex: none; width: 1.6em; height: 1.6em; fill: none; stroke: currentColor; stroke-width: 3; stroke-linecap: round; stroke-linejoin: round; }

/* the form: questions scroll inside their panel, the actions stay in view */
#view-declaring { flex-direction: column; padding: 0; }
#declaration-panel {
  flex: 1;
  min-height: 0;
  overflow-x: hidden;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 0.5rem 1.4rem 0.8rem;
  scrollbar-color: #bcd4e6 #1a2f45;
}
#declaring-title { font-size: 1.5rem; font-weight: 800; }
.note { margin-top: 0.8rem; font-size: 1.1rem; color: #bcd4e6; }
.question { margin-top: 0.8rem; padding-left: 0.7rem; border-left: 0.3rem solid #2e4a66; }
.question[data-missing="true"] { border-left-color: #ffb300; }
.question-text { display: flex; gap: 0.5rem; align-items: flex-start; font-size: 1.1rem; font-weight: 700; }
.question-text .number {
  flex: none;
  min-width: 1.5em;
  padding: 0 0.3em;
  text-align: center;
  color: #0d1b2a;
  background: #bcd4e6;
  border-radius: 0.3em;
}
.question-text .words, .choice .words { min-width: 0; }
.hint { margin-top: 0.2rem; font-size: 0.95rem; color: #bcd4e6; }
.unanswered { display: none; margin-top: 0.25rem; font-size: 0.95rem; font-weight: 700; color: #ffb300; }
.question[data-missing="true"] .unanswered { display: block; }
.choices {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
  gap: 0.5rem;
  margin-top: 0.4rem;
}
.choices.yesno { grid-template-columns: repeat(2, minmax(0, 11rem)); }
.choice {
  display: flex;
  align-items: center;
  gap: 0.6rem;
  min-height: max(56px, 2.8rem);
  padding: 0.3rem 0.7rem;
  font: inherit;
  font-size: 1rem;
  font-weight: 700;
  line-height: 1.15;
  text-align: left;
  color: #ffffff;
  background: #1a2f45;
  border: 0.12rem solid #bcd4e6;
  border-radius: 0.5rem;
  cursor: pointer;
  touch-action: manipulation;
  overflow-wrap: anywhere;
}
.choice::before {
  content: "";
  flex: none;
  width: 1.1em;
  height: 1.1em;
  line-height: 1.1em;
  text-align: center;
  font-weight: 800;
  border: 0.12rem solid currentColor;
  border-radius: 0.2em;
}
.yesno .choice::before { border-radius: 50%; }
.choice:active { background: #2e4a66; }
.choice[aria-pressed="true"] { color: #000000; background: #ffb300; border-color: #ffb300; }
.choice[aria-pressed="true"]::before { content: "✓"; }
#free-text {
  display: block;
  width: 100%;
  min-height: max(56px, 4.4rem);
  margin-top: 0.4rem;
  padding: 0.3rem 0.5rem;
  font: inherit;
  font-size: 1.05rem;
  color: #000000;
  background: #ffffff;
  border: 0.15rem solid #bcd4e6;
  border-radius: 0.4rem;
  resize: none;
  user-select: text;
  -webkit-user-select: text;
}
.counter { margin-top: 0.2rem; font-size: 0.95rem; color: #bcd4e6; font-variant-numeric: tabular-nums; }
.counter[data-low="true"] { color: #ffb300; font-weight: 700; }
.counter > [lang], #declaration-missing > [lang], #declaration-error > [lang] { display: inline; }
html[data-language="both"] .counter > [lang="en"]::before,
html[data-language="both"] #declaration-missing > [lang="en"]::before,
html[data-language="both"] #declaration-error > [lang="en"]::before { content: " · "; }

#declaration-actions {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: flex-end;
  gap: 0.4rem 0.8rem;
  padding: 0.4rem 1.4rem;
  background: #1a2f45;
}
#declaration-actions .messages { flex: 1 1 12rem; min-width: 0; }
#declaration-missing { font-size: 0.9rem; font-weight: 700; color: #ffb300; }
#declaration-error { padding: 0.15rem 0.5rem; font-size: 0.9rem; font-weight: 700; color: #000000; background: #ffb300; border-radius: 0.3rem; overflow-wrap: anywhere; }
#declaration-error code { font-family: "DejaVu Sans Mono", monospace; }
#declaration-cancel, #declaration-submit {
  flex: none;
  min-height: max(56px, 2.8rem);
  padding: 0.2rem 1rem;
  font: inherit;
  font-size: 1.05rem;
  font-weight: 800;
  line-height: 1.1;
  border-radius: 0.5rem;
  cursor: pointer;
  touch-action: manipulation;
}
#declaration-cancel { min-width: max(112px, 6.5rem); color: #ffffff; background: #1a2f45; border: 0.12rem solid #ffffff; }
#declaration-cancel:active { background: #2e4a66; }
#declaration-submit { min-width: max(144px, 9rem); color: #0d1b2a; background: #ffffff; border: 0.12rem solid #ffffff; }
#declaration-submit:active { background: #bcd4e6; }
#declaration-submit:disabled { color: #bcd4e6; background: #2e4a66; border: 0.12rem dashed #bcd4e6; cursor: not-allowed; }
#view-declaring button:focus-visible, #free-text:focus { outline: 0.2rem solid #ffb300; outline-offset: 0.1rem; }

/* sent: the form gives way to "declaration received" until the gate's next event */
#declaration-received { display: none; flex: 1; flex-direction: column; align-items: center; justify-content: center; gap: 0.8rem; padding: 1rem 1.4rem; text-align: center; }
html[data-declaration="received"] #declaration-panel, html[data-declaration="received"] #declaration-actions,
html[data-declaration="decided"] #declaration-panel, html[data-declaration="decided"] #declaration-actions { display: none; }
html[data-declaration="received"] #declaration-received, html[data-declaration="decided"] #declaration-received { display: flex; }
#declaration-received .icon { color: #ffb300; }
#declaration-received h1 { font-size: 2.4rem; font-weight: 800; }
#declaration-next { font-size: 1.4rem; color: #ffb300; font-weight: 700; }

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
  #declaration-actions .messages { flex-basis: 100%; }
  #declaration-cancel, #declaration-submit { flex: 1; }
}
"""###
        ),
        (
            "kiosk.js",
            ###"""
// qrgate kiosk screen: follows the gate's Server-Sent Events and shows one state at a time.
// State hooks live on <html>: data-state, data-decision, data-checkin-id, data-connected,
// data-language, data-mode, data-declare (the gate takes declarations on the screen) and,
// while data-state is "declaring", data-declaration (loading, filling, sending, received,
// decided). All text from events and questions goes in with textContent.
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
  const SILENCE_MS = 7000;
  const RECEIPT_MAX_CHARS = 200000;
  const DECLARATION_TIMEOUT_S = 60; // inactivity in the form; <html data-declaration-timeout> overrides
  const DECLARATION_FETCH_MS = 15000; // a questions / declaration request that hangs is given up
  const DECLARATION_AFTER_MS = 20000; // "declaration received" waits this long for the gate's event
  const FREE_TEXT_MAX_BYTES = 1000; // the gate's limit, whatever the questions say
  const YESNO = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } };
  // The four fields of a declaration, in the order the request names them, with their type.
  const QUESTION_TYPES = {
    symptoms: 'multi', contact_with_confirmed_case: 'yesno', travelled_last_14_days: 'yesno', free_text: 'text',
  };

  const config = { resultSeconds: 8, sound: true, language: 'both', declaration: false };
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
    $('declare').classList.remove('wanted');
  }

  function setState(state) {
    clearTimers();
    clearResult();
    endDeclaration();
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
    config.declaration = s.declaration === true;
    root.dataset.declare = String(config.declaration);
    // the gate stopped taking declarations: a form not yet sent has nowhere to go
    if (!config.declaration && form && (form.step === 'loading' || form.step === 'filling')) returnToIdle();
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
    const needed = Array.isArray(w.needed) ? w.needed : [];
    $('declare').classList.toggle('wanted', needed.some((n) => n && n.code === 'declaration'));
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


  // ---------- health declaration on the screen ----------

  // The form now, or null: {step, questions: [{id, type, el, ...}], controller}. Nothing of it
  // outlives the form: endDeclaration empties it whenever the page changes state.
  let form = null;
  const encoder = new TextEncoder();
  const utf8Bytes = (s) => encoder.encode(s).length;
  const graphemes = typeof Intl === 'object' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

  // The longest start of `text` that fits `max` UTF-8 bytes, cut between whole characters.
  function fitBytes(text, max) {
    if (utf8Bytes(text) <= max) return text;
    const pieces = graphemes ? Array.from(graphemes.segment(text), (g) => g.segment) : Array.from(text);
    let out = '';
    let used = 0;
    for (const piece of pieces) {
      const n = utf8Bytes(piece);
      if (used + n > max) break;
      out += piece;
      used += n;
    }
    return out;
  }

  function inactivityMs() {
    const given = Number(root.dataset.declarationTimeout);
    const seconds = root.dataset.declarationTimeout !== undefined && Number.isFinite(given) && given > 0 ? Math.min(given, 3600) : DECLARATION_TIMEOUT_S;
    return seconds * 1000;
  }

  // (Re)starts the inactivity clock of a form being loaded or filled in.
  function armInactivity() {
    clearTimeout(stateTimer);
    stateTimer = setTimeout(returnToIdle, inactivityMs());
  }

  function noteActivity() {
    if (form && (form.step === 'loading' || form.step === 'filling')) armInactivity();
  }

  function setStep(step) {
    form.step = step;
    root.dataset.declaration = step;
  }

  function endDeclaration() {
    if (form && form.controller) form.controller.abort();
    form = null;
    delete root.dataset.declaration;
    $('declaration-questions').replaceChildren();
    $('declaration-loading').hidden = false;
    for (const id of ['declaration-missing', 'declaration-error']) {
      $(id).replaceChildren();
      $(id).hidden = true;
    }
    $('declaration-missing').removeAttribute('data-missing');
    $('declaration-error').removeAttribute('data-code');
    $('declaration-submit').disabled = true;
    $('declaration-panel').scrollTop = 0;
  }

  // A request of this form, given up after DECLARATION_FETCH_MS or when the form ends.
  // Answers {status, body} (body: parsed JSON or null); throws "network" / "timeout" / "ended".
  async function formFetch(current, path, init) {
    const controller = new AbortController();
    current.controller = controller;
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, DECLARATION_FETCH_MS);
    try {
      const response = await fetch(path + tokenSuffix(), { ...init, cache: 'no-store', credentials: 'same-origin', signal: controller.signal });
      let body = null;
      try { body = await response.json(); } catch (_) { body = null; }
      return { status: response.status, body };
    } catch (_) {
      throw new Error(form !== current ? 'ended' : timedOut ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
      if (current.controller === controller) current.controller = null;
    }
  }

  const errorCode = (answer) => {
    const code = answer.body && answer.body.error && answer.body.error.code;
    return typeof code === 'string' && code !== '' ? code.slice(0, 80) : 'http_' + answer.status;
  };

  function showFormError(text, code) {
    const line = $('declaration-error');
    line.replaceChildren(pair(text), ' ');
    const c = document.createElement('code');
    c.textContent = code;
    line.append(c);
    line.dataset.code = code;
    line.hidden = false;
  }

  // The form was opened: a card or certificate shown before waits for the declaration instead
  // of being decided when its window ends. Best effort: the form works without it.
  function holdPresentation() {
    fetch('/kiosk/declaration/hold' + tokenSuffix(), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
      cache: 'no-store', credentials: 'same-origin',
    }).catch(() => {});
  }

  async function startDeclaration() {
    if (!config.declaration) return;
    try { audioContext(); } catch (_) { /* a touch is a chance to unlock audio */ }
    if (root.dataset.state === 'waiting') holdPresentation();
    setState('declaring');
    const current = { step: 'loading', questions: [], controller: null };
    form = current;
    setStep('loading');
    armInactivity();
    let answer;
    try {
      answer = await formFetch(current, '/kiosk/questions', { method: 'GET', headers: { Accept: 'application/json' } });
    } catch (e) {
      if (form === current) loadFailed(e.message);
      return;
    }
    if (form !== current) return;
    if (answer.status !== 200) return loadFailed(errorCode(answer));
    const questions = answer.body && Array.isArray(answer.body.questions) ? answer.body.questions : null;
    if (!questions || !renderQuestions(questions)) return loadFailed('bad_questions');
    $('declaration-loading').hidden = true;
    setStep('filling');
    updateForm();
  }

  function loadFailed(code) {
    $('declaration-loading').hidden = true;
    showFormError({ vi: 'Không tải được câu hỏi. Vui lòng gặp nhân viên.', en: 'Could not load the questions. Please see staff.' }, code);
  }

  // Builds the questions in their order; unknown ids, wrong types and repeats are left out.
  // Returns whether anything can be asked.
  function renderQuestions(list) {
    const box = $('declaration-questions');
    const seen = new Set();
    for (const q of list) {
      const id = q && str(q.id);
      if (!Object.hasOwn(QUESTION_TYPES, id) || q.type !== QUESTION_TYPES[id] || seen.has(id)) continue;
      const built = buildQuestion(q, form.questions.length + 1);
      if (!built) continue;
      seen.add(id);
      form.questions.push(built);
      box.append(built.el);
    }
    return form.questions.length > 0;
  }

  function buildQuestion(q, number) {
    const el = document.createElement('div');
    el.className = 'question';
    el.dataset.id = q.id;
    el.dataset.type = q.type;
    el.setAttribute('role', 'group');
    const head = document.createElement('p');
    head.className = 'question-text';
    head.id = 'question-' + q.id;
    const num = document.createElement('span');
    num.className = 'number';
    num.setAttribute('aria-hidden', 'true');
    num.textContent = String(number);
    const words = document.createElement('span');
    words.className = 'words';
    words.append(pair(q));
    head.append(num, words);
    el.setAttribute('aria-labelledby', head.id);
    el.append(head);
    const built = { id: q.id, type: q.type, number, el };

    if (q.type === 'multi') {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.append(pair({ vi: 'Chạm vào mọi mục đúng với bạn; không có thì bỏ qua', en: 'Tap every one that applies; none: leave them all off' }));
      const box = document.createElement('div');
      box.className = 'choices';
      const values = new Set();
      for (const option of Array.isArray(q.options) ? q.options : []) {
        const value = option && str(option.value);
        if (value === '' || values.has(value)) continue;
        values.add(value);
        const b = choiceButton(q.id, option);
        b.dataset.value = value;
        b.addEventListener('click', () => {
          b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
          updateForm();
        });
        box.append(b);
      }
      if (values.size === 0) return null;
      el.append(hint, box);
      built.buttons = [...box.children];
    } else if (q.type === 'yesno') {
      const box = document.createElement('div');
      box.className = 'choices yesno';
      for (const answer of ['yes', 'no']) {
        const b = choiceButton(q.id, YESNO[answer]);
        b.dataset.answer = answer;
        b.addEventListener('click', () => {
          for (const other of box.children) other.setAttribute('aria-pressed', String(other === b));
          updateForm();
        });
        box.append(b);
      }
      const tag = document.createElement('p');
      tag.className = 'unanswered';
      tag.append(pair({ vi: 'Chưa trả lời', en: 'Not answered yet' }));
      el.append(box, tag);
      built.buttons = [...box.children];
    } else {
      const given = Number(q.max_bytes);
      built.max = Number.isInteger(given) && given > 0 ? Math.min(given, FREE_TEXT_MAX_BYTES) : FREE_TEXT_MAX_BYTES;
      const area = document.createElement('textarea');
      area.id = 'free-text';
      area.dataset.question = q.id;
      area.rows = 3;
      area.spellcheck = false;
      area.setAttribute('autocomplete', 'off');
      area.setAttribute('aria-labelledby', head.id);
      area.setAttribute('aria-describedby', 'free-text-counter');
      const counter = document.createElement('p');
      counter.id = 'free-text-counter';
      counter.className = 'counter';
      counter.setAttribute('aria-live', 'polite');
      built.area = area;
      built.counter = counter;
      built.accepted = { value: '', caret: 0 };
      limitText(built);
      el.append(area, counter);
    }
    return built;
  }

  function choiceButton(question, text) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'choice';
    b.dataset.question = question;
    b.setAttribute('aria-pressed', 'false');
    const words = document.createElement('span');
    words.className = 'words';
    words.append(pair(text));
    b.append(words);
    return b;
  }

  // The free text never holds more than its limit in UTF-8 bytes: typing and pasting beyond it
  // insert only what fits; anything that still gets past (an input method committing a word)
  // is undone back to the last text that fitted.
  function limitText(q) {
    const area = q.area;
    area.addEventListener('beforeinput', (e) => {
      if (e.isComposing || !e.cancelable || !e.inputType.startsWith('insert')) return;
      let data = e.data;
      if (e.dataTransfer) data = e.dataTransfer.getData('text/plain');
      if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') data = '\n';
      if (typeof data !== 'string') return;
      const v = area.value;
      const room = q.max - utf8Bytes(v.slice(0, area.selectionStart)) - utf8Bytes(v.slice(area.selectionEnd));
      if (utf8Bytes(data) <= room) return;
      e.preventDefault();
      const fit = fitBytes(data.replace(/\r\n?/g, '\n'), Math.max(0, room));
      if (fit !== '') area.setRangeText(fit, area.selectionStart, area.selectionEnd, 'end');
      textChanged(q);
    });
    area.addEventListener('input', (e) => {
      if (e.isComposing) updateCounter(q);
      else textChanged(q);
    });
    area.addEventListener('compositionend', () => textChanged(q));
    updateCounter(q);
  }

  function textChanged(q) {
    const area = q.area;
    if (utf8Bytes(area.value) > q.max) {
      area.value = q.accepted.value;
      area.setSelectionRange(q.accepted.caret, q.accepted.caret);
    }
    q.accepted = { value: area.value, caret: area.selectionEnd };
    updateCounter(q);
  }

  function updateCounter(q) {
    const left = Math.max(0, q.max - utf8Bytes(q.area.value));
    q.counter.dataset.left = String(left);
    q.counter.dataset.low = String(left <= Math.min(50, q.max / 10));
    q.counter.replaceChildren(pair({ vi: `Còn lại ${left} byte`, en: `${left} ${left === 1 ? 'byte' : 'bytes'} left` }));
  }

  // Submit is enabled when every yes/no question has an answer; the line says which do not.
  function updateForm() {
    if (!form || form.step !== 'filling') return;
    const missing = form.questions.filter((q) => q.type === 'yesno' && !q.buttons.some((b) => b.getAttribute('aria-pressed') === 'true'));
    for (const q of form.questions) q.el.dataset.missing = String(missing.includes(q));
    const line = $('declaration-missing');
    line.hidden = missing.length === 0;
    line.dataset.missing = missing.map((q) => q.id).join(' ');
    const numbers = missing.map((q) => q.number).join(', ');
    line.replaceChildren(missing.length === 0 ? '' : pair({
      vi: `Hãy trả lời câu ${numbers}`,
      en: missing.length === 1 ? `Please answer question ${numbers}` : `Please answer questions ${numbers}`,
    }));
    $('declaration-submit').disabled = missing.length > 0;
  }

  // {"symptoms": [...], "contact_with_confirmed_case": bool, "travelled_last_14_days": bool,
  // "free_text": "..."}: in this order, each field only when its question was asked, the free
  // text only when something was written.
  function declarationBody() {
    const asked = Object.fromEntries(form.questions.map((q) => [q.id, q]));
    const d = {};
    if (asked.symptoms) {
      d.symptoms = asked.symptoms.buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.value);
    }
    for (const id of ['contact_with_confirmed_case', 'travelled_last_14_days']) {
      if (asked[id]) d[id] = asked[id].buttons.some((b) => b.dataset.answer === 'yes' && b.getAttribute('aria-pressed') === 'true');
    }
    if (asked.free_text) {
      const text = asked.free_text.area.value.trim();
      if (text !== '') d.free_text = fitBytes(text, asked.free_text.max);
    }
    return { declaration: d };
  }

  async function submitDeclaration() {
    if (!form || form.step !== 'filling' || $('declaration-submit').disabled) return;
    const current = form;
    const body = JSON.stringify(declarationBody());
    setStep('sending');
    clearTimeout(stateTimer); // the request has its own bound
    $('declaration-submit').disabled = true;
    $('declaration-error').hidden = true;
    let answer;
    try {
      answer = await formFetch(current, '/kiosk/declaration', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body,
      });
    } catch (e) {
      if (form === current) sendFailed(e.message);
      return;
    }
    if (form !== current) return; // the gate's event came first
    if (answer.status === 202 || answer.status === 200) {
      // 202: a presentation waits for the certificate (the "waiting" event follows);
      // 200: decided (the "result" event follows). Either way the form is done.
      setStep(answer.status === 202 ? 'received' : 'decided');
      $('declaration-next').hidden = answer.status !== 202;
      stateTimer = setTimeout(returnToIdle, DECLARATION_AFTER_MS);
      return;
    }
    sendFailed(errorCode(answer));
  }

  function sendFailed(code) {
    setStep('filling');
    showFormError({ vi: 'Không gửi được tờ khai.', en: 'The declaration was not sent.' }, code);
    updateForm();
    armInactivity();
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
  let lastHeard = 0;

  // "?token=…" when the page was opened with one (off the device), else "".
  function tokenSuffix() {
    const token = new URLSearchParams(window.location.search).get('token');
    return token ? '?token=' + encodeURIComponent(token) : '';
  }

  function eventsURL() {
    return '/kiosk/events' + tokenSuffix();
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

  // The gate sends something at least every 2 s (a status or a ping). A stream silent for
  // longer than SILENCE_MS is lost even when the connection looks open (a hung daemon, a
  // half-open connection): it is closed and opened anew.
  function heard() {
    lastHeard = Date.now();
  }

  function watchSilence() {
    if (source && root.dataset.connected === 'true' && Date.now() - lastHeard > SILENCE_MS) {
      source.close();
      setConnected(false);
      if (reconnectTimer === null) reconnectTimer = setTimeout(connect, 0);
    }
  }

  function connect() {
    reconnectTimer = null;
    if (source) source.close();
    heard();
    source = new EventSource(eventsURL());
    source.addEventListener('open', () => {
      reconnectDelay = 1000;
      heard();
      setConnected(true);
    });
    source.addEventListener('ping', heard);
    for (const name of ['status', 'reading', 'waiting', 'result']) source.addEventListener(name, heard);
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
    // A form being filled in is not interrupted by a code being read; once it is sent, the
    // gate's next event takes over. A result or an error always ends it: the person was decided.
    on('reading', (r) => { if (!form || (form.step !== 'filling' && form.step !== 'loading' && form.step !== 'sending')) onReading(r); });
    on('waiting', (w) => { if (!form || (form.step !== 'filling' && form.step !== 'loading')) onWaiting(w); });
    on('result', onResult);
    on('error', onGateError);
  }

  $('language').addEventListener('click', nextLanguage);
  $('declare').addEventListener('click', startDeclaration);
  $('declaration-cancel').addEventListener('click', returnToIdle);
  $('declaration-submit').addEventListener('click', submitDeclaration);
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) {
    document.addEventListener(type, noteActivity, { capture: true, passive: true });
  }
  $('declaration-panel').addEventListener('scroll', noteActivity, { passive: true });
  updateLanguageLabel();
  connect();
  setInterval(watchSilence, 1000);
  // Before the first connection, show the banner only if it takes a while.
  setTimeout(() => { if (root.dataset.connected !== 'true') setConnected(false); }, 3000);
})();
"""###
        ),
    ]
}
