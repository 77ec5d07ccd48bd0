/**
 * The dashboard's script: draws the calls table from the embedded data, sorts and filters it, and opens a
 * call's findings. It builds every element with textContent (never innerHTML), so no data can become markup;
 * it loads nothing. The page's CSP allows exactly this script, by its hash.
 */
export const DASHBOARD_SCRIPT = String.raw`(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('data').textContent);
  var S = D.strings;
  var PAGE = 200;
  var COLS = [
    ['file', 'File', function (c) { return c[0]; }],
    ['sellers', 'Sellers', function (c) { return c[1].map(str).join(', '); }],
    ['score', 'Score', function (c) { return c[2] === null ? -1 : c[2]; }],
    ['talk', 'Seller talk', function (c) { return c[3]; }],
    ['questions', 'Questions (open)', function (c) { return c[4]; }],
    ['sc', 'Seller-centric', function (c) { return c[6]; }],
    ['bo', 'Buyer-ownership', function (c) { return c[7]; }],
    ['top', 'Top issue', function (c) { return str(c[8]); }]
  ];
  var state = { sort: 0, dir: 1, text: '', rep: '', shown: PAGE };
  function str(i) { return i < 0 ? '' : S[i]; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }
  function repKey(name) { return name.trim().toLowerCase(); }
  function link(text, hash) { var a = el('a', '', text); a.href = '#' + hash; return a; }
  var keys = D.calls.map(function (c) { return c[1].map(function (i) { return repKey(S[i]); }); });
  var tbody = document.getElementById('call-rows');
  var count = document.getElementById('call-count');
  var more = document.getElementById('more');
  var filter = document.getElementById('filter');
  var repBox = document.getElementById('rep-filter');
  var detail = document.getElementById('detail');

  function visible() {
    var t = state.text.toLowerCase();
    var out = [];
    for (var i = 0; i < D.calls.length; i++) {
      var c = D.calls[i];
      if (state.rep && keys[i].indexOf(state.rep) < 0) continue;
      if (t && (c[0] + ' ' + COLS[1][2](c) + ' ' + str(c[8])).toLowerCase().indexOf(t) < 0) continue;
      out.push(i);
    }
    var get = COLS[state.sort][2];
    out.sort(function (a, b) {
      var x = get(D.calls[a]), y = get(D.calls[b]);
      var r = typeof x === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
      return r * state.dir || a - b;
    });
    return out;
  }

  function row(i) {
    var c = D.calls[i];
    var tr = el('tr');
    var file = el('td');
    add(file, link(c[0], 'call=' + (i + 1)));
    var sellers = el('td');
    c[1].forEach(function (s, k) { if (k) sellers.appendChild(document.createTextNode(', ')); add(sellers, link(S[s], 'rep=' + encodeURIComponent(repKey(S[s])))); });
    add(tr, file, sellers,
      el('td', 'num', c[2] === null ? 'not judged' : c[2]),
      el('td', 'num', c[3] + '%'),
      el('td', 'num', c[4] + ' (' + c[5] + ')'),
      el('td', 'num', c[6]),
      el('td', 'num', c[7]),
      el('td', '', c[8] < 0 ? '—' : str(c[8]) + ' ×' + c[9]));
    return tr;
  }

  function draw() {
    var rows = visible();
    tbody.textContent = '';
    var frag = document.createDocumentFragment();
    for (var k = 0; k < rows.length && k < state.shown; k++) frag.appendChild(row(rows[k]));
    tbody.appendChild(frag);
    count.textContent = rows.length === D.calls.length ? rows.length + ' call(s)' : rows.length + ' of ' + D.calls.length + ' call(s)';
    more.hidden = rows.length <= state.shown;
    more.textContent = 'Show ' + Math.min(PAGE, rows.length - state.shown) + ' more';
    var heads = document.querySelectorAll('#calls th button');
    for (var h = 0; h < heads.length; h++) heads[h].setAttribute('aria-sort', h === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    repBox.hidden = !state.rep;
    if (state.rep) repBox.querySelector('b').textContent = state.rep;
  }

  function turnStrip(c, turn) {
    var strip = el('div', 'turns');
    for (var t = Math.max(0, turn - 2); t <= Math.min(c[10].length - 1, turn + 2); t++) {
      var quotes = c[12].filter(function (f) { return f[10] === t && f[10] !== turn; });
      var box = el('div', 'turn ' + (c[10][t] === 's' ? 'seller' : 'buyer') + (t === turn ? ' here' : ''));
      add(box, el('b', '', 'Turn ' + (t + 1) + ' · ' + (c[10][t] === 's' ? 'seller' : 'buyer') + ' · ' + c[11][t] + ' words'));
      quotes.slice(0, 2).forEach(function (f) { add(box, el('q', '', f[5])); });
      strip.appendChild(box);
    }
    return strip;
  }

  function quote(f) {
    var td = el('td', 'quote');
    var at = f[6], end = f[6] + f[12];
    if (at < 0) { td.textContent = f[5]; return td; }
    add(td, document.createTextNode(f[5].slice(0, at)), el('mark', '', f[5].slice(at, end)), document.createTextNode(f[5].slice(end)));
    return td;
  }

  function open(i) {
    var c = D.calls[i];
    detail.textContent = '';
    if (!c) { detail.hidden = true; return; }
    detail.hidden = false;
    add(detail, el('h2', '', (c[2] === null ? 'not judged' : c[2]) + ' · ' + c[0]));
    add(detail, el('p', 'muted', 'sellers: ' + (COLS[1][2](c) || '—') + ' · seller talk ' + c[3] + '% · ' + c[4] + ' question(s), ' + c[5] + ' open' + (c[14] ? ' · ' + c[14] : '')));
    c[13].forEach(function (g) { add(detail, el('p', 'sev-error', 'Gate failed: ' + g)); });
    if (!c[12].length) { add(detail, el('p', 'muted', 'No findings.')); }
    else {
      var table = el('table', 'findings');
      var head = el('tr');
      ['Line', 'Speaker', 'Rule', 'Quote and the turns around it', 'Message', 'Suggestion'].forEach(function (h) { add(head, el('th', '', h)); });
      add(table, add(el('thead'), head));
      var body = el('tbody');
      c[12].forEach(function (f) {
        var tr = el('tr', f[9] ? 'suppressed' : '');
        var rule = el('td');
        add(rule, el('code', '', str(f[1])), el('br'), el('span', 'pill ' + (f[2] ? 'seller-centric' : 'buyer-ownership'), f[2] ? 'seller-centric' : 'buyer-ownership'));
        var q = quote(f);
        if (f[10] >= 0) q.appendChild(turnStrip(c, f[10]));
        add(tr, el('td', 'num', f[0] || 'call'), el('td', '', str(f[4])), rule, q, el('td', '', str(f[7])), el('td', 'note', str(f[8]) + (f[9] ? ' (suppressed)' : '')));
        body.appendChild(tr);
      });
      add(detail, add(el('div', 'scroll'), add(table, body)));
    }
    detail.scrollIntoView();
  }

  function route() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('rep=') === 0) { state.rep = h.slice(4); state.shown = PAGE; draw(); detail.hidden = true; document.getElementById('calls').scrollIntoView(); }
    else if (h.indexOf('call=') === 0) open(Number(h.slice(5)) - 1);
  }

  var head = document.getElementById('call-head');
  COLS.forEach(function (col, k) {
    var th = el('th', k >= 2 && k <= 6 ? 'num c-' + col[0] : 'c-' + col[0]);
    var b = el('button', 'sort', col[1]);
    b.type = 'button';
    b.setAttribute('data-sort', col[0]);
    b.addEventListener('click', function () { state.dir = state.sort === k ? -state.dir : 1; state.sort = k; draw(); });
    add(head, add(th, b));
  });
  filter.addEventListener('input', function () { state.text = filter.value; state.shown = PAGE; draw(); });
  more.addEventListener('click', function () { state.shown += PAGE; draw(); });
  repBox.querySelector('button').addEventListener('click', function () { state.rep = ''; history.replaceState(null, '', '#calls'); draw(); });
  window.addEventListener('hashchange', route);
  document.getElementById('calls').hidden = false;
  draw();
  route();
})();
`;
