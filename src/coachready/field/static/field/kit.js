/* The field kit's page: fetches the lists whenever online (the service
   worker answers from its copies when not), checks passes, rules on
   restarts and logs practices. Every word shown comes from the page
   (#field-words and the <template> elements), in the reader's language. */
(function () {
  "use strict";
  var kit = window.FieldKit;
  var body = document.body;
  var urlList = body.dataset.urls.split(" ");
  var URLS = {keys: urlList[0], revoked: urlList[1], policy: urlList[2], mine: urlList[3], practices: urlList[4],
              sw: urlList[5]};
  var TIME_ZONE = body.dataset.timeZone;
  var LANG = document.documentElement.lang;
  var state = {keys: null, revoked: null, policy: null, mine: null, syncing: false};

  function word(key, values) {
    var element = document.querySelector('#field-words [data-word="' + key + '"]');
    var text = element ? element.textContent.trim() : key;
    return fill(text, values);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  // Today's date in the region (YYYY-MM-DD), whatever the phone's time zone.
  function today() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit"})
      .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function showDay(iso) {
    return new Intl.DateTimeFormat(LANG, {dateStyle: "medium", timeZone: "UTC"}).format(new Date(iso + "T12:00:00Z"));
  }

  function showMoment(moment) {
    return new Intl.DateTimeFormat(LANG, {dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE}).format(moment);
  }

  function showNumber(value) {
    return new Intl.NumberFormat(LANG, {maximumFractionDigits: 2}).format(value);
  }

  /* A JSON document, from the network or (offline) the worker's copy, with
     the time the server sent it. */
  function getJson(url) {
    return fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) {
        if (!response.ok) return null;
        var sent = response.headers.get("Date");
        return response.json().then(function (doc) {
          return {doc: doc, fetched: sent ? new Date(sent) : null};
        });
      })
      .catch(function () { return null; });
  }

  function showConnection() {
    var line = document.querySelector(".connection");
    line.textContent = navigator.onLine ? line.dataset.onlineText : line.dataset.offlineText;
    document.querySelectorAll(".list-date").forEach(function (line) {
      var got = state[line.dataset.list];
      line.textContent = got && got.fetched ? fill(line.dataset.text, {when: showMoment(got.fetched)})
        : (got ? fill(line.dataset.text, {when: showDay(got.doc.generated_on)}) : line.dataset.missing);
    });
  }

  function refresh() {
    return Promise.all([getJson(URLS.keys), getJson(URLS.revoked), getJson(URLS.policy), getJson(URLS.mine)])
      .then(function (got) {
        state.keys = got[0] || state.keys;
        state.revoked = got[1] || state.revoked;
        state.policy = got[2] || state.policy;
        state.mine = got[3] || state.mine;
        showConnection();
        showFieldSize();
        showPractice();
        showSchoolyard();
      });
  }

  /* ---- Check a pass ---- */
  var passForm = document.querySelector(".pass-form");
  var passResult = document.querySelector(".pass-result");

  function checkPass(text) {
    passResult.replaceChildren();
    if (!state.keys) {
      passResult.append(el("p", "verdict verdict-bad", word("no-keys")));
      return Promise.resolve(null);
    }
    var division = passForm.elements.division.value;
    return kit.pass.verify(text, kit.pass.keysFrom(state.keys.doc),
                           kit.pass.revokedFrom(state.revoked ? state.revoked.doc : null), today())
      .then(function (result) {
        if (division && result.valid && !result.cleared.some(function (item) { return item.division === division; })) {
          result.valid = false;
          result.reasons = ["not_for_division"];
        }
        showPass(result, division);
        return result;
      }, function (error) {
        if (!(error instanceof kit.pass.NotAPass)) throw error;
        var box = el("div", "verdict verdict-bad");
        box.append(el("p", "verdict-title", word("pass-invalid")), el("p", "", word("not-a-pass")));
        passResult.append(box);
        return {not_a_pass: true};
      });
  }

  function showPass(result, division) {
    var box = el("div", "verdict " + (result.valid ? "verdict-good" : "verdict-bad"));
    box.dataset.valid = String(result.valid);
    box.append(el("p", "verdict-title", word(result.valid ? "pass-valid" : "pass-invalid")));
    var reasons = el("ul", "verdict-reasons");
    result.reasons.forEach(function (reason) {
      var item = el("li", "", word("reason-" + reason, {
        date: result.valid_through && showDay(reason === "not_yet_valid" ? result.issued_on : result.valid_through),
        division: division
      }));
      item.dataset.reason = reason;
      reasons.append(item);
    });
    if (result.reasons.length) box.append(reasons);
    if (result.name !== null) {
      var data = fromTemplate("tpl-pass-data");
      data.querySelector(".d-name").textContent = result.name;
      data.querySelector(".d-volunteer").textContent = result.volunteer_id || "—";
      data.querySelector(".d-region").textContent = result.region;
      result.cleared.forEach(function (item) {
        var role = document.querySelector('#field-words [data-word="role-' + item.role + '"]');
        data.querySelector(".d-cleared").append(el("li", "", word("cleared-item", {
          division: item.division, role: role ? role.textContent.trim() : item.role
        })));
      });
      data.querySelector(".d-until").textContent = showDay(result.valid_through);
      box.append(data);
      if (result.valid) box.append(el("p", "", word("pass-face")));
    }
    passResult.append(box);
  }

  passForm.addEventListener("submit", function (event) {
    event.preventDefault();
    checkPass(passForm.elements.text.value);
  });

  // The camera, where the browser can read QR codes itself; typing always works.
  var scanStart = passForm.querySelector(".scan-start");
  var scanStop = passForm.querySelector(".scan-stop");
  var video = passForm.querySelector(".scan-video");
  var scanning = null;

  function stopScan() {
    if (scanning) {
      clearInterval(scanning.timer);
      scanning.stream.getTracks().forEach(function (track) { track.stop(); });
      scanning = null;
    }
    video.hidden = true;
    scanStop.hidden = true;
    scanStart.hidden = false;
  }

  if ("BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    scanStart.hidden = false;
    scanStart.addEventListener("click", function () {
      var detector = new window.BarcodeDetector({formats: ["qr_code"]});
      navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false}).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        scanStart.hidden = true;
        scanStop.hidden = false;
        video.play();
        scanning = {stream: stream, timer: setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (!codes.length || !scanning) return;
            passForm.elements.text.value = codes[0].rawValue;
            stopScan();
            checkPass(codes[0].rawValue);
          }).catch(function () {});
        }, 300)};
      }).catch(function () {
        passResult.replaceChildren(el("p", "verdict verdict-bad", word("camera-failed")));
      });
    });
    scanStop.addEventListener("click", stopScan);
  }

  /* ---- Restart after a header ---- */
  var restartForm = document.querySelector(".restart-form");
  var restartResult = document.querySelector(".restart-result");

  function showFieldSize() {
    var line = restartForm.querySelector(".field-size");
    var rules = state.policy && state.policy.doc.division_rules[restartForm.elements.division.value];
    line.textContent = rules ? fill(line.dataset.text, {length: showNumber(rules.field.length),
                                                        width: showNumber(rules.field.width)}) : "";
  }

  function restartRequest() {
    var f = restartForm.elements;
    var request = {context: "match", division: f.division.value, deliberate: f.deliberate.checked,
                   offending_team: f.offending_team.value, offence: {x: Number(f.x.value), y: Number(f.y.value)}};
    if (f.player_age.value !== "") request.player_age = Number(f.player_age.value);
    return request;
  }

  restartForm.elements.division.addEventListener("change", showFieldSize);
  restartForm.addEventListener("submit", function (event) {
    event.preventDefault();
    restartResult.replaceChildren();
    if (!state.policy) {
      restartResult.append(el("p", "verdict verdict-bad", word("no-policy")));
      return;
    }
    var f = restartForm.elements;
    if (f.x.value === "" || f.y.value === "" || !restartForm.checkValidity()) {
      restartResult.append(el("p", "verdict verdict-bad", word("error-invalid_value")));
      return;
    }
    var request = restartRequest();
    var policy = state.policy.doc;
    var answer = kit.rules.headingMatch(request, policy);
    var division = kit.rules.canonicalDivision(request.division, policy);
    var rules = division && policy.division_rules[division];
    if (answer.error) {
      var size = request.field || (rules && rules.field) || {};
      restartResult.append(el("p", "verdict verdict-bad", word("error-" + answer.error.code, {
        length: showNumber(size.length), width: showNumber(size.width)})));
      return;
    }
    var box = el("div", "verdict " + (answer.infringement ? "verdict-warn" : "verdict-good"));
    box.dataset.restart = answer.restart;
    box.append(el("p", "verdict-title",
                  word(answer.infringement ? "restart-" + answer.restart + "-" + answer.awarded_to : "restart-none")));
    if (answer.spot) {
      box.append(el("p", "", answer.anywhere_in_goal_area ? word("spot-anywhere")
        : word("spot", {x: showNumber(answer.spot.x), y: showNumber(answer.spot.y)})));
    }
    var notes = el("ul", "restart-notes");
    answer.note_codes.forEach(function (code) {
      notes.append(el("li", "", word("note-" + code, {division: division, max_age: policy.heading.sanction_max_age,
                                                      age: request.player_age})));
    });
    box.append(notes);
    restartResult.append(box);
  });

  /* ---- Heading practice log ---- */
  var practiceForm = document.querySelector(".practice-form");
  var practiceCheck = document.querySelector(".practice-check");
  var outboxLine = document.querySelector(".outbox");

  function teams() {
    return state.mine && state.mine.doc.signed_in ? state.mine.doc.teams : [];
  }

  function teamById(id) {
    return teams().filter(function (team) { return String(team.id) === String(id); })[0] || null;
  }

  function showPractice() {
    var signedIn = state.mine && state.mine.doc.signed_in;
    document.querySelector(".practice-signed-out").hidden = !!signedIn;
    document.querySelector(".practice-no-teams").hidden = !signedIn || teams().length > 0;
    practiceForm.hidden = !signedIn || teams().length === 0;
    var select = practiceForm.elements.team;
    var chosen = select.value;
    select.replaceChildren();
    teams().forEach(function (team) {
      var option = el("option", "", team.label);
      option.value = team.id;
      select.append(option);
    });
    if (chosen && teamById(chosen)) select.value = chosen;
    if (!practiceForm.elements.date.value) practiceForm.elements.date.value = today();
    showPlayers();
    showOutbox();
  }

  function showPlayers() {
    var rows = practiceForm.querySelector(".player-rows");
    var team = teamById(practiceForm.elements.team.value);
    rows.replaceChildren();
    practiceForm.querySelector(".practice-players").hidden = !team || team.players.length === 0;
    (team ? team.players : []).forEach(function (player) {
      var row = fromTemplate("tpl-player");
      row.querySelector(".player-name").textContent = player.name;
      row.querySelector("input").dataset.player = player.id;
      rows.append(row);
    });
  }

  practiceForm.elements.team.addEventListener("change", showPlayers);

  function wholeNumber(text) {
    return /^\d{1,4}$/.test(String(text).trim()) ? Number(text) : null;
  }

  /* The week's check at once: what the server had, plus what waits here. */
  function checkWeek(team, day) {
    var weekOf = kit.rules.weekStart(day);
    var stored = team.weeks.filter(function (week) { return week.week_of === weekOf; })[0];
    var sessions = (stored ? stored.sessions : []).slice();
    mineWaiting().forEach(function (entry) {
      if (String(entry.team) === String(team.id) && kit.rules.weekStart(entry.date) === weekOf) {
        sessions.push({date: entry.date, heading_minutes: entry.heading_minutes, headers: entry.headers});
      }
    });
    var review = kit.rules.practiceWeek({division: team.division, week_of: weekOf, sessions: sessions},
                                        state.policy.doc);
    var names = {};
    team.players.forEach(function (player) { names[player.id] = player.name; });
    practiceCheck.replaceChildren();
    if (review.error) return review;
    var box = el("div", "verdict " + (review.compliant && !review.warnings.length ? "verdict-good" : review.compliant ? "verdict-warn" : "verdict-bad"));
    box.dataset.compliant = String(review.compliant);
    box.append(el("p", "verdict-title", word(review.compliant ? "practice-ok" : "practice-not-ok", {week: showDay(weekOf)})));
    var list = el("ul", "");
    review.violations.concat(review.warnings).forEach(function (finding) {
      var values = {division: review.division, player: names[finding.player] || finding.player};
      Object.keys(finding.values).forEach(function (key) { values[key] = showNumber(finding.values[key]); });
      var item = el("li", "", word("finding-" + finding.code + "-" + (finding.player ? "player" : "team"), values));
      item.dataset.code = finding.code;
      list.append(item);
    });
    if (list.children.length) box.append(list);
    practiceCheck.append(box);
    return review;
  }

  practiceForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var f = practiceForm.elements;
    var team = teamById(f.team.value);
    var minutes = wholeNumber(f.heading_minutes.value);
    var headers = {};
    var bad = minutes === null || minutes > 600 || !/^\d{4}-\d{2}-\d{2}$/.test(f.date.value);
    practiceForm.querySelectorAll(".player-rows input").forEach(function (input) {
      var count = wholeNumber(input.value || "0");
      if (count === null || count > 500) bad = true;
      else if (count > 0) headers[input.dataset.player] = count;
    });
    if (!team || bad || !state.policy) {
      practiceCheck.replaceChildren(el("p", "verdict verdict-bad", word("practice-invalid")));
      return;
    }
    kit.store.add({client_id: crypto.randomUUID(), owner: state.mine.doc.owner, team: team.id, date: f.date.value,
                   heading_minutes: minutes, headers: headers, note: f.note.value});
    checkWeek(team, f.date.value);
    practiceCheck.firstElementChild.prepend(el("p", "saved", word("practice-saved")));
    practiceForm.reset();
    f.team.value = team.id;
    f.date.value = today();
    showOutbox();
    sync();
  });

  // The practices the signed-in account logged here and has not sent.
  function mineWaiting() {
    var owner = state.mine && state.mine.doc.signed_in ? state.mine.doc.owner : null;
    return kit.store.waiting().filter(function (entry) { return entry.owner === owner; });
  }

  function showOutbox(problem) {
    var count = mineWaiting().length;
    outboxLine.dataset.waiting = String(count);
    outboxLine.textContent = problem || (count ? word("outbox-waiting", {count: showNumber(count)})
      : (state.mine && state.mine.doc.signed_in ? word("outbox-sent") : ""));
  }

  function csrfToken() {
    var found = document.cookie.split(";").map(function (part) { return part.trim(); })
      .filter(function (part) { return part.indexOf("csrftoken=") === 0; })[0];
    return found ? decodeURIComponent(found.slice("csrftoken=".length)) : "";
  }

  /* Send what waits, one at a time; stop at the first sign of no
     connection. A resend is harmless: the server keeps each id once. */
  function sync() {
    if (state.syncing || !navigator.onLine) return Promise.resolve();
    var waiting = mineWaiting();
    if (!waiting.length) return Promise.resolve();
    state.syncing = true;
    var problem = "";
    var chain = Promise.resolve(true);
    waiting.forEach(function (entry) {
      chain = chain.then(function (goOn) {
        if (!goOn) return false;
        return fetch(URLS.practices, {
          method: "POST", credentials: "same-origin",
          headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json"},
          body: JSON.stringify({client_id: entry.client_id, team: entry.team, date: entry.date,
                                heading_minutes: entry.heading_minutes, headers: entry.headers, note: entry.note})
        }).then(function (response) {
          if (response.status === 200 || response.status === 201) {
            return response.json().then(function (answer) {
              kit.store.remove(entry.client_id);
              var team = teamById(entry.team);
              if (team) {
                team.weeks = team.weeks.filter(function (week) { return week.week_of !== answer.week.week_of; });
                team.weeks.push(answer.week);
              }
              return true;
            });
          }
          if (response.status === 400) {
            return response.json().then(function (answer) {
              // Refused for good (a team no longer coached...): said, not resent forever.
              kit.store.remove(entry.client_id);
              problem = word("outbox-refused", {date: showDay(entry.date), message: answer.error.message});
              return true;
            });
          }
          problem = word("outbox-sign-in");
          return false;
        }, function () { return false; });
      });
    });
    return chain.then(function () {
      state.syncing = false;
      showOutbox(problem);
    });
  }

  /* ---- School Yard ---- */
  function showSchoolyard() {
    var holder = document.querySelector(".schoolyard-sessions");
    var plans = state.mine && state.mine.doc.signed_in ? state.mine.doc.schoolyard : [];
    holder.replaceChildren();
    document.querySelector(".schoolyard-none").hidden = plans.length > 0;
    plans.forEach(function (plan) {
      var s = plan.session;
      var card = fromTemplate("tpl-session");
      card.querySelector(".s-title").textContent = word("session-title", {plan: plan.plan, number: s.number,
                                                                         total: plan.sessions});
      card.querySelector(".s-when").textContent = plan.this_week
        ? word("session-when", {date: showDay(s.date), week: s.week, title: s.title})
        : word("session-next", {date: showDay(s.date)}) + " " + word("session-when", {date: showDay(s.date), week: s.week, title: s.title});
      card.querySelector(".s-focus").textContent = s.focus || "";
      card.querySelector(".s-repeats").textContent = s.repeats ? word("session-repeats", {week: s.repeats}) : "";
      s.activities.forEach(function (activity) {
        var item = fromTemplate("tpl-activity");
        item.querySelector(".a-name").textContent = activity.name;
        item.querySelector(".a-minutes").textContent = word("minutes", {minutes: activity.minutes});
        item.querySelector(".a-description").textContent = activity.description || "";
        item.querySelector(".a-setup").textContent = activity.setup || "";
        (activity.coaching_points || []).forEach(function (point) {
          item.querySelector(".a-points").append(el("li", "", point));
        });
        card.querySelector(".s-activities").append(item);
      });
      holder.append(card);
    });
  }

  /* ---- Start ---- */
  window.addEventListener("online", function () { refresh().then(sync); });
  // A kit left open at the field picks up a revocation as soon as it can.
  setInterval(function () { if (navigator.onLine) refresh().then(sync); }, 5 * 60 * 1000);
  window.addEventListener("offline", showConnection);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(URLS.sw, {scope: URLS.sw.replace(/[^/]*$/, "")}).catch(function () {});
    // The first visit's lists came before the worker: fetch them again through it.
    navigator.serviceWorker.addEventListener("controllerchange", function () { refresh(); });
  }
  showConnection();
  showOutbox();
  refresh().then(sync).then(function () { body.dataset.ready = "true"; });

  // For the browser tests: the same functions the page uses.
  kit.page = {checkPass: checkPass, refresh: refresh, sync: sync, state: state, today: today};
})();
