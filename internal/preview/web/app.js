// pkpm preview: live reload, the carousel, the caption fold, overlays.
// Plain script, no dependencies; the server renders everything else.
(function () {
  'use strict';

  var body = document.body;
  var version = Number(body.dataset.version);
  var slug = body.dataset.slug || '';
  var stateKey = 'pkpm:' + location.pathname;
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(stateKey) || 'null');
    sessionStorage.removeItem(stateKey);
  } catch (e) { /* storage may be off */ }

  function $(id) { return document.getElementById(id); }

  // Live reload --------------------------------------------------------

  var carousel = null; // set below on a post page

  function reload() {
    try {
      sessionStorage.setItem(stateKey, JSON.stringify({
        y: window.scrollY,
        slide: carousel ? carousel.current : 0,
        expanded: !!document.querySelector('.caption.is-expanded')
      }));
    } catch (e) { /* reload anyway */ }
    location.reload();
  }

  function setLive(on) {
    var el = $('live');
    if (!el) return;
    el.classList.toggle('is-on', on);
    el.classList.toggle('is-off', !on);
    el.title = on ? el.dataset.on : el.dataset.off;
  }

  function connect() {
    if (!window.EventSource) return;
    var es = new EventSource('/events');
    es.addEventListener('hello', function (e) {
      setLive(true);
      if (JSON.parse(e.data).version !== version) reload();
    });
    es.addEventListener('reload', function (e) {
      var d = JSON.parse(e.data);
      if (d.version <= version) return;
      // A post page waits for changes to its own post; lists show all.
      if (!slug || d.all || (d.slugs || []).indexOf(slug) >= 0) {
        reload();
      } else {
        version = d.version;
      }
    });
    es.onerror = function () { setLive(false); };
  }

  // Carousel -----------------------------------------------------------

  function Carousel(root) {
    this.root = root;
    this.track = $('track');
    this.slides = this.track.children;
    this.dots = $('dots') ? $('dots').children : [];
    this.counter = $('counter');
    this.prev = $('prev');
    this.next = $('next');
    this.altN = $('alt-n');
    this.altText = $('alt-text');
    this.current = 0;
    var self = this;
    if (this.prev) this.prev.addEventListener('click', function () { self.go(self.current - 1); });
    Array.prototype.forEach.call(this.dots, function (dot, k) {
      dot.addEventListener('click', function () { self.go(k); });
    });
    if (this.next) this.next.addEventListener('click', function () { self.go(self.current + 1); });
    this.swipe();
    window.addEventListener('resize', function () { self.go(self.current, false); });
  }

  Carousel.prototype.go = function (i, animate) {
    var n = this.slides.length;
    i = Math.max(0, Math.min(n - 1, i));
    this.current = i;
    this.track.style.transition = animate === false ? 'none' : '';
    this.track.style.transform = 'translateX(' + (-100 * i) + '%)';
    for (var k = 0; k < this.dots.length; k++) this.dots[k].classList.toggle('is-active', k === i);
    if (this.counter) this.counter.textContent = (i + 1) + '/' + n;
    if (this.prev) this.prev.hidden = i === 0;
    if (this.next) this.next.hidden = i === n - 1;
    var img = this.slides[i] && this.slides[i].querySelector('img');
    if (this.altN) this.altN.textContent = String(i + 1);
    if (this.altText && img) this.altText.textContent = img.alt;
    if (history.replaceState) history.replaceState(null, '', '#slide-' + (i + 1));
  };

  // swipe follows a finger (or a mouse drag) and settles on the nearest
  // slide; vertical moves are left to the page.
  Carousel.prototype.swipe = function () {
    var self = this, startX = null, startY = 0, width = 1;
    var root = this.root;
    root.addEventListener('pointerdown', function (e) {
      if (e.button !== 0 || e.target.closest('button')) return;
      startX = e.clientX;
      startY = e.clientY;
      width = root.clientWidth || 1;
      self.track.style.transition = 'none';
      if (root.setPointerCapture) root.setPointerCapture(e.pointerId);
    });
    root.addEventListener('pointermove', function (e) {
      if (startX === null) return;
      var dx = e.clientX - startX;
      self.track.style.transform = 'translateX(calc(' + (-100 * self.current) + '% + ' + dx + 'px))';
    });
    function end(e) {
      if (startX === null) return;
      var dx = e.clientX - startX, dy = e.clientY - startY;
      startX = null;
      var step = Math.abs(dx) > Math.max(40, width * 0.15) && Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? 1 : -1) : 0;
      self.go(self.current + step);
    }
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', end);
  };

  function slideFromHash() {
    var m = /^#slide-(\d+)$/.exec(location.hash);
    return m ? Number(m[1]) - 1 : -1;
  }

  function setupPost() {
    var root = $('carousel');
    if (root) {
      carousel = new Carousel(root);
      var start = slideFromHash();
      if (start < 0 && saved) start = saved.slide || 0;
      carousel.go(Math.max(start, 0), false);
      document.addEventListener('keydown', function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
        if (e.key === 'ArrowRight') { carousel.go(carousel.current + 1); e.preventDefault(); }
        if (e.key === 'ArrowLeft') { carousel.go(carousel.current - 1); e.preventDefault(); }
      });
      Array.prototype.forEach.call(document.querySelectorAll('.to-slide'), function (a) {
        a.addEventListener('click', function (e) {
          e.preventDefault();
          carousel.go(Number(a.dataset.slide) - 1);
          var r = root.getBoundingClientRect();
          if (r.top < 0 || r.bottom > window.innerHeight) root.scrollIntoView({ behavior: 'smooth', block: 'center' });
        });
      });
      overlays(root);
    }
    var cap = $('caption'), more = $('more');
    if (cap && more) {
      more.addEventListener('click', function () { cap.classList.add('is-expanded'); });
      if (saved && saved.expanded) cap.classList.add('is-expanded');
    }
  }

  // overlays ties the toggles to the carousel, and remembers them across
  // posts and reloads.
  function overlays(root) {
    var prefs = {};
    try { prefs = JSON.parse(localStorage.getItem('pkpm:overlays') || '{}'); } catch (e) { /* defaults */ }
    [['toggle-crop', 'crop'], ['toggle-safe', 'safe']].forEach(function (t) {
      var box = $(t[0]);
      if (!box) return;
      box.checked = !!prefs[t[1]];
      root.classList.toggle('show-' + t[1], box.checked);
      box.addEventListener('change', function () {
        root.classList.toggle('show-' + t[1], box.checked);
        prefs[t[1]] = box.checked;
        try { localStorage.setItem('pkpm:overlays', JSON.stringify(prefs)); } catch (e) { /* session only */ }
      });
    });
  }

  // Copy buttons ---------------------------------------------------------

  // copyText uses the Clipboard API, else a selected textarea; it rejects
  // when the browser refuses both.
  function copyText(text) {
    function viaExec() {
      var t = document.createElement('textarea');
      t.value = text; t.setAttribute('readonly', ''); t.style.position = 'fixed'; t.style.opacity = '0';
      document.body.appendChild(t); t.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; } finally { document.body.removeChild(t); }
      if (!ok) throw new Error('copy refused');
    }
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(viaExec);
    return Promise.resolve().then(viaExec);
  }

  // copySource is the text a button copies: the alt text shown, or the
  // whole caption (unfolded, so a person can select it).
  function copySource(from) {
    if (from !== 'caption') return $(from);
    var cap = $('caption');
    if (!cap) return null;
    cap.classList.add('is-expanded');
    return cap.querySelector('.caption-full') || cap.querySelector('.caption-short');
  }

  function flash(b, label, cls, ms) {
    if (!b.dataset.label) b.dataset.label = b.textContent;
    b.textContent = label;
    b.classList.remove('is-done', 'is-manual');
    b.classList.add(cls);
    clearTimeout(b.flashTimer);
    b.flashTimer = setTimeout(function () { b.textContent = b.dataset.label; b.classList.remove(cls); }, ms || 1500);
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-copy-from]');
    if (!b) return;
    var src = copySource(b.dataset.copyFrom);
    if (!src) return;
    copyText(src.textContent).then(function () {
      flash(b, b.dataset.done, 'is-done');
    }, function () {
      // The clipboard refused: select the text for a long press.
      var r = document.createRange();
      r.selectNodeContents(src);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      flash(b, b.dataset.manual, 'is-manual', 6000);
    });
  });

  setupPost();
  if (saved && typeof saved.y === 'number') window.scrollTo(0, saved.y);
  connect();
})();
