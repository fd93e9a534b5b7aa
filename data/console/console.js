// The supervisor console. Everything it shows comes from /console/api/ (the supervisor API
// behind the session cookie); text from the store only ever goes in as textContent.
"use strict";

const TEXT = {
  vi: {
    "nav.now": "Bây giờ", "nav.search": "Tìm kiếm", "nav.day": "Trong ngày", "nav.operator": "Vận hành", "nav.signout": "Đăng xuất",
    "signin.title": "Đăng nhập", "signin.label": "Mã truy cập (token) của giám sát viên hoặc vận hành viên", "signin.submit": "Đăng nhập",
    "signin.hint": "Người vận hành tạo mã bằng lệnh: qrgate token create --role supervisor",
    "signin.invalid": "Mã không đúng hoặc đã bị thu hồi.", "signin.throttled": "Sai quá nhiều lần. Vui lòng chờ {wait} giây rồi thử lại.",
    "signin.role": "Mã này không dùng cho bảng điều khiển (cần vai trò supervisor hoặc operator).",
    "signin.ended": "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.",
    "now.overdue": "Cư dân quá hạn", "now.left": "Đã ra, chưa quay lại", "now.inside": "Đang ở bên trong", "now.residents": "Cư dân khu cách ly",
    "now.updated": "Cập nhật", "now.none": "Không có ai",
    "col.name": "Họ tên", "col.id": "Số định danh", "col.left": "Rời đi", "col.outside": "Thời gian bên ngoài", "col.why": "Lý do",
    "col.gate": "Cổng", "col.entered": "Vào lúc", "col.credential": "Giấy tờ", "col.state": "Trạng thái", "col.permit": "Giấy phép ra ngoài đến",
    "col.time": "Thời gian", "col.direction": "Hướng", "col.decision": "Quyết định",
    "search.name": "Họ tên (không cần dấu)", "search.since": "Từ", "search.until": "Đến", "search.go": "Tìm", "search.more": "Xem thêm",
    "search.export": "Xuất theo bộ lọc:", "search.count": "{n} kết quả", "search.countMore": "{n} kết quả đầu tiên",
    "any": "Tất cả", "entry": "Vào", "exit": "Ra", "admit": "Cho qua", "refuse": "Từ chối", "refer": "Chuyển nhân viên",
    "inside": "Bên trong", "outside": "Bên ngoài", "unknown": "Chưa ghi nhận",
    "outside_too_long": "Ra ngoài quá {h} giờ", "permit_expired": "Giấy phép đã hết hạn",
    "day.date": "Ngày", "day.entries": "Lượt vào", "day.exits": "Lượt ra", "day.occupancy": "Số người bên trong",
    "day.refusals": "Từ chối / chuyển nhân viên", "day.hour": "Giờ",
    "op.status": "Trạng thái cổng", "op.dead": "Bản ghi không gửi được", "op.access": "Nhật ký truy cập (24 giờ)", "op.actor": "Ai",
    "op.channel": "Kênh", "op.endpoint": "Đọc gì", "op.filter": "Bộ lọc", "op.rows": "Số bản ghi", "op.tokens": "Mã truy cập",
    "op.role": "Vai trò", "op.created": "Tạo lúc", "op.revoked": "Thu hồi", "op.holder": "Người giữ mã", "op.create": "Tạo mã",
    "op.revoke": "Thu hồi", "op.secret": "Mã mới (chỉ hiện một lần, hãy lưu lại ngay):",
    "status.check_ins": "Số lượt ghi nhận", "status.outbox_depth": "Chờ gửi trung tâm", "status.outbox_oldest_age_seconds": "Bản ghi chờ lâu nhất (giây)",
    "status.dead_letters": "Không gửi được", "status.last_forward_at": "Lần gửi gần nhất", "status.last_check_in_at": "Lượt ghi nhận gần nhất",
    "status.used_bytes": "Dung lượng đã dùng (byte)", "status.quota_bytes": "Hạn mức (byte)", "status.quota_used_ratio": "Tỉ lệ hạn mức đã dùng",
    "status.access_log_entries": "Dòng nhật ký truy cập", "status.chain_head_sequence": "Đầu chuỗi kiểm toán",
    "status.signers": "Số khoá ký tin cậy", "status.rule_set_version": "Phiên bản bộ quy tắc", "status.value_sets": "Bộ giá trị",
    "status.trust_list_issued_at": "Danh sách tin cậy phát hành lúc", "status.trust_list_age_seconds": "Tuổi danh sách tin cậy (giây)",
    "status.trust_list_stale": "Danh sách tin cậy đã cũ",
    "error.store": "Không đọc được dữ liệu: {m}", "offline": "Mất kết nối với cổng; đang thử lại…",
    "hours": "{h} giờ", "minutes": "{m} phút",
    "list.filter": "Lọc theo họ tên, số định danh, cổng", "list.filterPerson": "Lọc theo họ tên, số định danh",
    "list.size": "Số dòng mỗi trang", "list.previous": "‹ Trước", "list.next": "Sau ›",
    "list.shown": "{from}–{to} trên {n}", "list.filtered": "(lọc từ {total})",
    "op.revokeConfirm": "Thu hồi mã {id} ({name})? Các phiên đang dùng mã này sẽ kết thúc ngay.",
  },
  en: {
    "nav.now": "Now", "nav.search": "Search", "nav.day": "Day", "nav.operator": "Operator", "nav.signout": "Sign out",
    "signin.title": "Sign in", "signin.label": "A supervisor's or operator's access token", "signin.submit": "Sign in",
    "signin.hint": "An operator creates one with: qrgate token create --role supervisor",
    "signin.invalid": "The token is wrong or was revoked.", "signin.throttled": "Too many failed attempts. Wait {wait} s and try again.",
    "signin.role": "This token is not for the console (it needs the supervisor or operator role).",
    "signin.ended": "Your session has ended. Please sign in again.",
    "now.overdue": "Overdue residents", "now.left": "Left and not returned", "now.inside": "Inside now", "now.residents": "Quarantine residents",
    "now.updated": "Updated", "now.none": "Nobody",
    "col.name": "Name", "col.id": "ID number", "col.left": "Left at", "col.outside": "Time outside", "col.why": "Why",
    "col.gate": "Gate", "col.entered": "Entered", "col.credential": "Credential", "col.state": "State", "col.permit": "Exit permit until",
    "col.time": "Time", "col.direction": "Direction", "col.decision": "Decision",
    "search.name": "Name (accents optional)", "search.since": "From", "search.until": "Until", "search.go": "Search", "search.more": "More",
    "search.export": "Export this filter:", "search.count": "{n} results", "search.countMore": "first {n} results",
    "any": "Any", "entry": "Entry", "exit": "Exit", "admit": "Admitted", "refuse": "Refused", "refer": "Referred to staff",
    "inside": "Inside", "outside": "Outside", "unknown": "Not seen yet",
    "outside_too_long": "Outside more than {h} h", "permit_expired": "Exit permit expired",
    "day.date": "Day", "day.entries": "Entries", "day.exits": "Exits", "day.occupancy": "Inside",
    "day.refusals": "Refused / referred", "day.hour": "Hour",
    "op.status": "Gate status", "op.dead": "Dead letters", "op.access": "Access log (24 hours)", "op.actor": "Who",
    "op.channel": "Channel", "op.endpoint": "Read", "op.filter": "Filter", "op.rows": "Rows", "op.tokens": "Access tokens",
    "op.role": "Role", "op.created": "Created", "op.revoked": "Revoked", "op.holder": "Held by", "op.create": "Create token",
    "op.revoke": "Revoke", "op.secret": "New token (shown once, store it now):",
    "status.check_ins": "Check-ins", "status.outbox_depth": "Waiting for the central service", "status.outbox_oldest_age_seconds": "Oldest unsent (s)",
    "status.dead_letters": "Dead letters", "status.last_forward_at": "Last forward", "status.last_check_in_at": "Last check-in",
    "status.used_bytes": "Disk used (bytes)", "status.quota_bytes": "Quota (bytes)", "status.quota_used_ratio": "Quota used",
    "status.access_log_entries": "Access-log rows", "status.chain_head_sequence": "Audit chain head",
    "status.signers": "Trusted signers", "status.rule_set_version": "Rule set version", "status.value_sets": "Value sets",
    "status.trust_list_issued_at": "Trust list issued", "status.trust_list_age_seconds": "Trust list age (s)",
    "status.trust_list_stale": "Trust list stale",
    "error.store": "The data could not be read: {m}", "offline": "Lost the connection to the gate; retrying…",
    "hours": "{h} h", "minutes": "{m} min",
    "list.filter": "Filter by name, ID number, gate", "list.filterPerson": "Filter by name, ID number",
    "list.size": "Rows per page", "list.previous": "‹ Previous", "list.next": "Next ›",
    "list.shown": "{from}–{to} of {n}", "list.filtered": "(filtered from {total})",
    "op.revokeConfirm": "Revoke token {id} ({name})? Sessions signed in with it end at once.",
  },
};

const state = {
  lang: localStorage.getItem("qrgate-console-lang") === "en" ? "en" : "vi",
  session: null,
  head: null,
  nowTimer: null,
  lastNowLoad: 0,
  cursor: null,
};

function t(key, values) {
  let text = (TEXT[state.lang] && TEXT[state.lang][key]) || TEXT.en[key] || key;
  for (const [name, value] of Object.entries(values || {})) text = text.replace("{" + name + "}", String(value));
  return text;
}

function $(id) { return document.getElementById(id); }

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("lang").textContent = state.lang === "vi" ? "EN" : "VI";
}

function locale() { return state.lang === "vi" ? "vi-VN" : "en-GB"; }

// One formatter per language: toLocaleString builds a new one on every call, which costs
// seconds over the thousands of rows of a busy site.
const formatters = {};

function when(iso) {
  if (!iso) return "";
  const key = locale();
  formatters[key] = formatters[key] || new Intl.DateTimeFormat(key, { dateStyle: "short", timeStyle: "short" });
  return formatters[key].format(new Date(iso));
}

function duration(hours) {
  if (hours === null || hours === undefined) return "";
  if (hours < 1) return t("minutes", { m: Math.round(hours * 60) });
  return t("hours", { h: hours.toFixed(1) });
}

class SessionEnded extends Error {}

async function api(path, options) {
  const response = await fetch("/console/api/" + path, Object.assign({ credentials: "same-origin", cache: "no-store" }, options || {}));
  if (response.status === 401) throw new SessionEnded();
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error.message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

async function post(path, body) {
  const headers = { "X-CSRF-Token": state.session ? state.session.csrf_token : "" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return api(path, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

function banner(text) {
  const node = $("banner");
  node.hidden = !text;
  node.textContent = text || "";
}

function show(view) {
  document.body.dataset.view = view;
  for (const section of document.querySelectorAll("main > section")) section.hidden = section.id !== "view-" + view;
  for (const link of document.querySelectorAll("[data-view-link]")) link.classList.toggle("current", link.dataset.viewLink === view);
}

function signedOut(reason) {
  state.session = null;
  clearInterval(state.nowTimer);
  $("nav").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  $("signin-message").textContent = reason ? t(reason.key, reason.values) : "";
  show("signin");
  $("token").focus();
}

function fail(error) {
  if (error instanceof SessionEnded) return signedOut({ key: "signin.ended" });
  banner(error instanceof TypeError ? t("offline") : t("error.store", { m: error.message }));
}

function decisionCell(decision) {
  return el("td", t(decision), { class: "decision-" + decision });
}

function credential(record) {
  return (record.credential_kind || "") + (record.credential_verified ? " ✓" : "");
}

function reasonText(record) {
  const reasons = record.reasons || [];
  return reasons.map((reason) => (state.lang === "vi" ? reason.vietnamese : reason.english) || reason.code).join("; ");
}

function personLink(record) {
  const cell = el("td");
  const query = record.id_number ? "id_number=" + encodeURIComponent(record.id_number) : "name=" + encodeURIComponent(record.name || "");
  const link = el("a", record.name || record.id_number || "—", { href: "#person?" + query });
  cell.append(link);
  return cell;
}

function fill(body, rows) {
  body.replaceChildren(...rows);
  if (rows.length === 0) {
    const columns = body.parentElement.querySelectorAll("thead th").length || 1;
    const row = el("tr", null, { class: "empty" });
    row.append(el("td", t("now.none"), { colspan: String(columns) }));
    body.append(row);
  }
}

// --- Long lists -------------------------------------------------------------------------------

// What a filter compares: lower case, without diacritics, đ as d ("Nguyễn" and "nguyen" match).
function fold(text) {
  return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/đ/g, "d");
}

function number(value) { return value.toLocaleString(locale()); }

// A list of thousands (5,000 people inside at a busy site) drawn a page at a time. The whole
// list stays in memory for its count, the chart by hour and the filter; only the current page's
// rows are in the document, so the view draws in the same time whatever the site's size. The
// page, its size and the filter survive a reload of the list (a new check-in).
class PagedTable {
  constructor(name, drawRow, keyOf) {
    this.name = name;
    this.drawRow = drawRow;
    this.keyOf = keyOf;
    this.items = [];
    this.keys = null;
    this.page = 0;
    this.body = $(name);
    this.filter = $(name + "-filter");
    this.size = $(name + "-page-size");
    this.previous = $(name + "-previous");
    this.next = $(name + "-next");
    this.tools = this.filter.closest(".list-tools");
    this.smallestPage = Math.min(...Array.from(this.size.options, (option) => Number(option.value)));
    this.filter.addEventListener("input", () => { this.page = 0; this.draw(); });
    this.size.addEventListener("change", () => { this.page = 0; this.draw(); });
    this.previous.addEventListener("click", () => { this.page -= 1; this.draw(); });
    this.next.addEventListener("click", () => { this.page += 1; this.draw(); });
  }

  show(items) {
    this.items = items;
    this.keys = null;
    this.draw();
  }

  matching() {
    const query = fold(this.filter.value.trim());
    if (!query) return this.items;
    if (!this.keys) this.keys = this.items.map((item) => fold(this.keyOf(item)));
    return this.items.filter((_, index) => this.keys[index].includes(query));
  }

  draw() {
    const matching = this.matching();
    const size = Number(this.size.value);
    const pages = Math.max(1, Math.ceil(matching.length / size));
    this.page = Math.max(0, Math.min(this.page, pages - 1));
    const first = this.page * size;
    const last = Math.min(first + size, matching.length);
    fill(this.body, matching.slice(first, last).map(this.drawRow));
    let shown = t("list.shown", { from: number(matching.length ? first + 1 : 0), to: number(last), n: number(matching.length) });
    if (matching.length !== this.items.length) shown += " " + t("list.filtered", { total: number(this.items.length) });
    $(this.name + "-shown").textContent = shown;
    this.previous.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    Object.assign(this.body.dataset, { page: String(this.page + 1), pages: String(pages), matching: String(matching.length) });
    // A list that fits on the smallest page needs no filter or pager.
    this.tools.hidden = this.items.length <= this.smallestPage && this.filter.value === "";
  }
}

// --- Now ---------------------------------------------------------------------------------------

function insideRow(record) {
  const row = el("tr", null, { "data-checkin-id": record.id });
  row.append(personLink(record), el("td", record.id_number || ""), el("td", when(record.recorded_at)), el("td", record.gate),
    el("td", credential(record)));
  return row;
}

function leftRow(record) {
  const row = el("tr", null, { "data-checkin-id": record.id });
  row.append(personLink(record), el("td", record.id_number || ""), el("td", when(record.recorded_at)), el("td", record.gate));
  return row;
}

function residentRow(r) {
  const row = el("tr", null, { "data-id-number": r.id_number, class: r.overdue ? "overdue" : "" });
  row.append(personLink({ id_number: r.id_number, name: r.name }), el("td", r.id_number), el("td", t(r.state)), el("td", when(r.permit_until)),
    el("td", r.state === "outside" ? duration(r.hours_outside) : ""));
  return row;
}

const recordKey = (record) => [record.name, record.id_number, record.gate].join(" ");
const lists = {};

function list(name) {
  if (!lists[name]) {
    if (name === "inside") lists[name] = new PagedTable(name, insideRow, recordKey);
    if (name === "left-not-returned") lists[name] = new PagedTable(name, leftRow, recordKey);
    if (name === "residents") lists[name] = new PagedTable(name, residentRow, (r) => [r.name, r.id_number].join(" "));
  }
  return lists[name];
}

// A reload the page makes by itself says so (X-Console-Refresh): it shows the supervisor news
// but is not their activity, so a console left open on "now" still ends after the idle timeout.
const REFRESH = { headers: { "X-Console-Refresh": "1" } };

async function loadNow(refresh) {
  const site = state.session.site;
  const options = refresh ? REFRESH : undefined;
  const [inside, left, residents] = await Promise.all([
    api("inside?site=" + encodeURIComponent(site), options),
    api("left-not-returned?hours=0&within_hours=24&site=" + encodeURIComponent(site), options),
    api("residents?site=" + encodeURIComponent(site), options),
  ]);
  state.lastNowLoad = Date.now();
  banner("");
  const overdue = residents.items.filter((r) => r.overdue);
  fill($("overdue"), overdue.map((r) => {
    const row = el("tr", null, { class: "overdue", "data-checkin-id": r.last_check_in_id || "", "data-id-number": r.id_number });
    row.append(personLink({ id_number: r.id_number, name: r.name }), el("td", r.id_number), el("td", when(r.last_check_in_at)),
      el("td", duration(r.hours_outside)), el("td", t(r.overdue, { h: residents.max_hours_outside })));
    return row;
  }));
  $("overdue-count").textContent = number(overdue.length);
  // The API lists in the order of the log; the page shows the latest first.
  const overdueExits = new Set(overdue.map((r) => r.last_check_in_id));
  const leftRows = left.filter((record) => !overdueExits.has(record.id)).reverse();
  list("left-not-returned").show(leftRows);
  $("left-count").textContent = number(leftRows.length);
  list("inside").show(inside.slice().reverse());
  $("inside-count").textContent = number(inside.length);
  drawByHour(inside);
  $("residents-panel").hidden = residents.items.length === 0;
  list("residents").show(residents.items);
  $("residents-count").textContent = number(residents.items.length);
  $("now-updated").textContent = new Date().toLocaleTimeString(locale());
}

function drawByHour(inside) {
  const counts = new Array(24).fill(0);
  for (const record of inside) counts[new Date(record.recorded_at).getHours()] += 1;
  const highest = Math.max(1, ...counts);
  $("by-hour").replaceChildren(...counts.map((count, hour) => {
    const bar = el("div", null, { title: hour + ":00 — " + count });
    bar.style.height = Math.round((count / highest) * 100) + "%";
    if (hour % 3 === 0) bar.append(el("span", String(hour)));
    return bar;
  }));
}

// Lists reload when the chain head moves (a new check-in), and once a minute for the clocks.
async function watchNow() {
  if (!state.session || document.body.dataset.view !== "now") return;
  try {
    const head = await api("head", REFRESH);
    if (head.sequence !== state.head || Date.now() - state.lastNowLoad > 60000) {
      state.head = head.sequence;
      await loadNow(true);
    }
  } catch (error) { fail(error); }
}

// --- Search and a person's page -------------------------------------------------------------

function filterQuery() {
  const form = $("search-form");
  const parts = [];
  for (const name of ["name", "id_number", "direction", "decision", "gate"]) {
    const value = form.elements[name].value.trim();
    if (value) parts.push(name + "=" + encodeURIComponent(value));
  }
  for (const name of ["since", "until"]) {
    const value = form.elements[name].value;
    if (value) parts.push(name + "=" + encodeURIComponent(new Date(value).toISOString()));
  }
  return parts.join("&");
}

function recordRow(record) {
  const row = el("tr", null, { "data-checkin-id": record.id });
  row.append(el("td", when(record.recorded_at)), personLink(record), el("td", record.id_number || ""), el("td", t(record.direction)),
    decisionCell(record.decision), el("td", record.gate));
  return row;
}

async function search(more) {
  const query = filterQuery();
  for (const link of document.querySelectorAll(".exports a")) {
    link.href = "/console/api/exports/check-ins?format=" + link.dataset.format + (query ? "&" + query : "");
  }
  // Only the latest search draws: an earlier one that answers late (the view's first, empty
  // filter) must not overwrite it.
  const generation = (state.searchGeneration = (state.searchGeneration || 0) + 1);
  const page = await api("check-ins?limit=100" + (query ? "&" + query : "") + (more && state.cursor ? "&cursor=" + state.cursor : ""));
  if (generation !== state.searchGeneration) return;
  const rows = page.items.map(recordRow);
  if (more) $("results").append(...rows); else fill($("results"), rows);
  // The filter these rows answer, for tests and scripts (an earlier search may still be drawn).
  $("results").dataset.query = query;
  state.cursor = page.next_cursor;
  $("more").hidden = !page.has_more;
  const shown = $("results").querySelectorAll("tr[data-checkin-id]").length;
  $("results-count").textContent = t(page.has_more ? "search.countMore" : "search.count", { n: shown });
  banner("");
}

async function loadPerson(query) {
  const params = new URLSearchParams(query);
  const filter = params.get("id_number") ? "id_number=" + encodeURIComponent(params.get("id_number")) : "name=" + encodeURIComponent(params.get("name") || "");
  const page = await api("check-ins?limit=1000&" + filter);
  const first = page.items.find((record) => record.name) || {};
  $("person-title").textContent = (first.name || params.get("name") || "") + (params.get("id_number") ? " — " + params.get("id_number") : "");
  fill($("person-rows"), page.items.map((record) => {
    const row = el("tr", null, { "data-checkin-id": record.id });
    row.append(el("td", when(record.recorded_at)), el("td", t(record.direction)), decisionCell(record.decision), el("td", record.gate),
      el("td", credential(record)), el("td", reasonText(record)));
    return row;
  }));
}

// --- The day ---------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

async function loadDay() {
  const input = $("day-date");
  if (!input.value) {
    const today = new Date();
    input.value = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
  }
  const [year, month, day] = input.value.split("-").map(Number);
  const start = new Date(year, month - 1, day, 0, 0, 0);
  const data = await api("hourly?hours=24&site=" + encodeURIComponent(state.session.site) + "&since=" + encodeURIComponent(start.toISOString()));
  drawDay(data.hours);
  fill($("day-rows"), data.hours.map((hour, index) => {
    const row = el("tr", null, { "data-hour": String(index) });
    row.append(el("td", String(index).padStart(2, "0") + ":00"), el("td", hour.entries), el("td", hour.exits), el("td", hour.refusals),
      el("td", hour.referrals), el("td", hour.occupancy === null ? "" : hour.occupancy));
    return row;
  }));
  banner("");
}

function drawDay(hours) {
  const width = 960, height = 320, left = 44, right = 12, top = 16, bottom = 36;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const highest = Math.max(1, ...hours.map((h) => Math.max(h.entries, h.exits, h.occupancy || 0)));
  const x = (index) => left + (index * plotWidth) / hours.length;
  const y = (value) => top + plotHeight - (value * plotHeight) / highest;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("nav.day"), id: "day-svg" });
  chart.append(svg("title", {}, t("day.entries") + " / " + t("day.exits") + " / " + t("day.occupancy")));
  for (let step = 0; step <= 4; step += 1) {
    const value = Math.round((highest * step) / 4);
    chart.append(svg("line", { x1: left, x2: width - right, y1: y(value), y2: y(value), stroke: "#c9ced6", "stroke-width": 1 }));
    chart.append(svg("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end", "font-size": 11, fill: "#4a5360" }, String(value)));
  }
  const slot = plotWidth / hours.length;
  const bar = Math.max(2, slot * 0.36);
  hours.forEach((hour, index) => {
    chart.append(svg("rect", { x: x(index) + slot * 0.1, y: y(hour.entries), width: bar, height: y(0) - y(hour.entries), fill: "#0b4f9c", class: "entries" },
    ));
    chart.append(svg("rect", { x: x(index) + slot * 0.1 + bar, y: y(hour.exits), width: bar, height: y(0) - y(hour.exits), fill: "#6b7785", class: "exits" }));
    const marks = hour.refusals + hour.referrals;
    if (marks > 0) {
      const mark = svg("circle", { cx: x(index) + slot / 2, cy: top + 6, r: Math.min(9, 3 + marks), fill: "#a3141b", class: "refusal" });
      mark.append(svg("title", {}, t("refuse") + ": " + hour.refusals + ", " + t("refer") + ": " + hour.referrals));
      chart.append(mark);
    }
    if (index % 3 === 0) {
      chart.append(svg("text", { x: x(index) + 2, y: height - bottom + 16, "font-size": 11, fill: "#4a5360" }, String(index).padStart(2, "0") + ":00"));
    }
  });
  const points = hours.map((hour, index) => (hour.occupancy === null ? null : `${x(index) + slot},${y(hour.occupancy)}`)).filter(Boolean);
  if (points.length > 0) {
    chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#1d6b2f", "stroke-width": 3, class: "occupancy" }));
  }
  $("day-chart").replaceChildren(chart);
}

// --- Operator ---------------------------------------------------------------------------------

async function loadOperator() {
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const [status, dead, access, tokens] = await Promise.all([
    api("status"), api("dead-letters?limit=200"), api("access-log?limit=500&since=" + encodeURIComponent(since)), api("tokens"),
  ]);
  const list = $("status");
  list.replaceChildren();
  const facts = Object.assign({}, status, status.verification || {});
  delete facts.verification;
  for (const [key, value] of Object.entries(facts)) {
    const shown = typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) ? when(value) : value === null ? "—" : String(value);
    list.append(el("dt", t("status." + key)), el("dd", shown, { "data-key": key }));
  }
  $("dead-count").textContent = String(dead.length);
  fill($("dead-letters"), dead.map((letter) => {
    const row = el("tr");
    row.append(el("td", letter.check_in_id || ""), el("td", letter.parked_at_ms ? when(new Date(letter.parked_at_ms).toISOString()) : ""),
      el("td", (letter.http_status ? letter.http_status + " " : "") + (letter.error || "") + (letter.response_excerpt ? " — " + letter.response_excerpt : "")));
    return row;
  }));
  fill($("access-log"), access.items.slice().reverse().map((entry) => {
    const row = el("tr", null, { "data-access-id": String(entry.id) });
    row.append(el("td", when(entry.at)), el("td", entry.actor), el("td", entry.channel), el("td", entry.endpoint), el("td", entry.filter),
      el("td", entry.rows));
    return row;
  }));
  fill($("tokens"), tokens.items.map((token) => {
    const row = el("tr", null, { "data-token-id": token.id });
    const action = el("td");
    if (!token.revoked_at) {
      const button = el("button", t("op.revoke"), { type: "button" });
      button.addEventListener("click", () => {
        if (!window.confirm(t("op.revokeConfirm", { id: token.id, name: token.name }))) return;
        post("tokens/" + encodeURIComponent(token.id) + "/revoke").then(loadOperator).catch(fail);
      });
      action.append(button);
    }
    row.append(el("td", token.id), el("td", token.name), el("td", token.role), el("td", when(token.created_at)), el("td", when(token.revoked_at)), action);
    return row;
  }));
  banner("");
}

// --- Routing and start ------------------------------------------------------------------------

async function route() {
  if (!state.session) return;
  const [view, query] = (location.hash.slice(1) || "").split("?");
  const operator = state.session.role === "operator";
  const target = operator ? "operator" : ["now", "search", "day", "person"].includes(view) ? view : "now";
  show(target);
  try {
    if (target === "now") await loadNow();
    if (target === "search") await search(false);
    if (target === "person") await loadPerson(query || "");
    if (target === "day") await loadDay();
    if (target === "operator") await loadOperator();
  } catch (error) { fail(error); }
}

async function start() {
  applyLanguage();
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    localStorage.setItem("qrgate-console-lang", state.lang);
    applyLanguage();
    route();
  });
  $("sign-out").addEventListener("click", async () => {
    try { await post("sign-out"); } catch (error) { /* the session is gone either way */ }
    signedOut(null);
  });
  $("search-form").addEventListener("submit", (event) => { event.preventDefault(); state.cursor = null; search(false).catch(fail); });
  $("more").addEventListener("click", () => search(true).catch(fail));
  $("day-date").addEventListener("change", () => loadDay().catch(fail));
  $("token-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    try {
      const token = await post("tokens", { role: form.elements.role.value, name: form.elements.name.value });
      const secret = $("token-secret");
      secret.hidden = false;
      secret.textContent = t("op.secret") + " " + token.secret;
      form.reset();
      await loadOperator();
    } catch (error) { fail(error); }
  });
  window.addEventListener("hashchange", route);

  const params = new URLSearchParams(location.search);
  const problem = params.get("signin");
  if (problem) history.replaceState(null, "", "/console" + location.hash);
  let session;
  try {
    const response = await fetch("/console/session", { credentials: "same-origin", cache: "no-store" });
    session = await response.json();
  } catch (error) {
    return fail(error);
  }
  if (!session.signed_in) {
    return signedOut(problem ? { key: "signin." + problem, values: { wait: params.get("wait") || "60" } } : null);
  }
  state.session = session;
  $("nav").hidden = false;
  $("sign-out").hidden = false;
  $("who").textContent = state.session.name + " (" + state.session.role + ")";
  $("site").textContent = state.session.site;
  for (const link of document.querySelectorAll("[data-role]")) link.hidden = link.dataset.role !== state.session.role;
  for (const link of document.querySelectorAll("[data-view-link]:not([data-role])")) link.hidden = state.session.role === "operator";
  state.nowTimer = setInterval(watchNow, 3000);
  await route();
}

document.addEventListener("DOMContentLoaded", start);
