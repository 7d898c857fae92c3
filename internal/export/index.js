// The bundles page: save slides to the phone and copy texts, from a file
// on disk or from a server. Plain script, no dependencies.
(function () {
  'use strict';

  // flash shows a button's answer for a moment, then its own label again.
  function flash(b, label, cls, ms) {
    if (!b.dataset.label) b.dataset.label = b.textContent;
    b.textContent = label;
    b.classList.remove('done', 'manual');
    b.classList.add(cls);
    clearTimeout(b._flash);
    b._flash = setTimeout(function () { b.textContent = b.dataset.label; b.classList.remove(cls); }, ms || 1500);
  }

  // Copying -----------------------------------------------------------

  // execCopy copies through a selected textarea, for browsers without the
  // Clipboard API (a page opened from disk); false when refused.
  function execCopy(text) {
    var t = document.createElement('textarea');
    t.value = text; t.setAttribute('readonly', ''); t.style.position = 'fixed'; t.style.opacity = '0';
    document.body.appendChild(t); t.select();
    try { return document.execCommand('copy'); } catch (e) { return false; } finally { document.body.removeChild(t); }
  }

  function copyText(text) {
    var viaExec = function () { return execCopy(text) ? undefined : Promise.reject(new Error('copy refused')); };
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(viaExec);
    return Promise.resolve().then(viaExec);
  }

  // selectForHand selects the text on the page, so a long press copies it
  // when the browser will not.
  function selectForHand(el) {
    var r = document.createRange();
    r.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }

  function copyFrom(b) {
    var src = b.dataset.copies === 'caption' ? b.closest('section').querySelector('pre[data-copy]') : b.parentElement.querySelector('p[data-copy] span');
    copyText(src.textContent).then(function () {
      flash(b, b.dataset.done, 'done');
    }, function () {
      selectForHand(src);
      flash(b, b.dataset.manual, 'manual', 6000);
    });
  }

  // Saving ------------------------------------------------------------

  // canShareFiles: the browser offers the share sheet for images (phones),
  // which hands them to Instagram; elsewhere slides are downloaded.
  function canShareFiles() {
    try {
      return !!(navigator.share && navigator.canShare && window.File &&
        navigator.canShare({ files: [new File([new Blob([''], { type: 'image/jpeg' })], 'slide.jpg', { type: 'image/jpeg' })] }));
    } catch (e) { return false; }
  }

  function fetchFile(a) {
    return fetch(a.href).then(function (r) {
      if (!r.ok) throw new Error(a.href + ': ' + r.status);
      return r.blob();
    }).then(function (blob) { return new File([blob], a.dataset.name, { type: 'image/jpeg' }); });
  }

  // download saves each slide as a plain download, one after another so
  // browsers that ask about many downloads ask once.
  function download(links) {
    links.forEach(function (a, i) {
      setTimeout(function () {
        var d = document.createElement('a');
        d.href = a.href; d.download = a.dataset.name; d.style.display = 'none';
        document.body.appendChild(d); d.click(); document.body.removeChild(d);
      }, i * 300);
    });
    return Promise.resolve('downloaded');
  }

  function save(links, title) {
    if (!canShareFiles()) return download(links);
    // Reading the files can fail on a page opened from disk; then the
    // slides are downloaded instead.
    return Promise.all(links.map(fetchFile)).then(function (files) {
      if (!navigator.canShare({ files: files })) return download(links);
      return navigator.share({ files: files, title: title }).then(function () { return 'shared'; }, function (e) {
        return e && e.name === 'AbortError' ? 'cancelled' : download(links);
      });
    }, function () { return download(links); });
  }

  function saveFrom(b) {
    var section = b.closest('section');
    var links = b.dataset.save === 'all' ? [].slice.call(section.querySelectorAll('a.full')) : [b.closest('figure').querySelector('a.full')];
    save(links, section.querySelector('h2').textContent).then(function (how) {
      if (how !== 'cancelled') flash(b, b.dataset.done, 'done');
    });
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.copies) copyFrom(b);
    if (b.dataset.save) saveFrom(b);
  });
})();
