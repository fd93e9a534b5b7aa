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
