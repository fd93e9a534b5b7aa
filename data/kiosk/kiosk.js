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
