/* The heading rules on the phone: the same placement and practice-limit
   rules as coachready.rules.heading and coachready.rules.heading_practice,
   read from the policy the server publishes at /field/policy.json, so a
   region's policy change reaches the phone with its next visit online.
   tests/heading/field_cases.json holds the cases both are checked against.

   Answers carry codes, never words: the page turns them into its own
   language. Notes are codes too ("note_codes"); the engine's English
   notes are not part of what the two must agree on. */
(function (root) {
  "use strict";
  var TEAMS = ["home", "away"];
  // Boundary points count as inside; this absorbs float rounding of width/2.
  var EPSILON = 1e-9;

  function InputError(code, path) {
    this.code = code;
    this.path = path;
  }

  function canonicalDivision(text, policy) {
    var wanted = String(text).trim().toLowerCase();
    var found = null;
    policy.divisions.forEach(function (division) {
      var lower = division.toLowerCase();
      // "U10" is the older spelling of "10U"; both are accepted.
      var older = /u$/.test(lower) ? "u" + lower.slice(0, -1) : null;
      if (wanted === lower || wanted === older) found = division;
    });
    if (found === null || !policy.division_rules[found]) throw new InputError("invalid_value", "division");
    return found;
  }

  function checkField(size) {
    ["length", "width", "goal_area_depth", "goal_area_width"].forEach(function (name) {
      var value = size[name];
      if (typeof value !== "number" || !isFinite(value) || value <= 0) {
        throw new InputError("invalid_value", "field." + name);
      }
    });
    if (size.goal_area_depth * 2 >= size.length) throw new InputError("invalid_value", "field.goal_area_depth");
    if (size.goal_area_width > size.width) throw new InputError("invalid_value", "field.goal_area_width");
    return size;
  }

  function goalAreaOf(point, size) {
    if (Math.abs(point.y - size.width / 2) > size.goal_area_width / 2 + EPSILON) return null;
    if (point.x <= size.goal_area_depth + EPSILON) return "home";
    if (point.x >= size.length - size.goal_area_depth - EPSILON) return "away";
    return null;
  }

  function noOffence(noteCode, area) {
    return {
      infringement: false, restart: "none", awarded_to: null, spot: null,
      anywhere_in_goal_area: false, misconduct_allowed: true, goal_area: area, note_codes: [noteCode]
    };
  }

  /* The restart for a match request (CONTRACTS.md section 2), or
     {"error": {"code", "path"}} where the engine refuses it. */
  function headingMatch(request, policy) {
    try {
      return match(request, policy);
    } catch (error) {
      if (error instanceof InputError) return {error: {code: error.code, path: error.path}};
      throw error;
    }
  }

  function match(request, policy) {
    var canonical = canonicalDivision(request.division, policy);
    if (TEAMS.indexOf(request.offending_team) < 0) throw new InputError("invalid_value", "offending_team");
    var playerAge = request.player_age === undefined ? null : request.player_age;
    if (playerAge !== null && playerAge < 0) throw new InputError("invalid_value", "player_age");
    var rules = policy.division_rules[canonical];
    var size = request.field ? checkField(request.field) : rules.field;
    var offence = {x: request.offence.x, y: request.offence.y};
    if (!(offence.x >= 0 && offence.x <= size.length)) throw new InputError("off_field", "offence.x");
    if (!(offence.y >= 0 && offence.y <= size.width)) throw new InputError("off_field", "offence.y");
    var area = goalAreaOf(offence, size);
    var maxAge = policy.heading.sanction_max_age;
    var age = playerAge !== null ? playerAge : rules.ages[1];

    if (!request.deliberate) return noOffence("not_deliberate", area);
    if (age > maxAge) return noOffence(rules.heading_match === "banned" ? "banned_but_too_old" : "unrestricted", area);

    var restart = rules.sanction;
    var notes = [playerAge !== null ? "offence_by_age" : "offence_by_division"];
    var spot = offence;
    var anywhere = false;
    if (area !== null && area === request.offending_team) {
      // The awarded team attacks this goal area.
      if (restart === "indirect_free_kick") {
        spot = {x: area === "home" ? size.goal_area_depth : size.length - size.goal_area_depth, y: offence.y};
        notes.push("moved_to_line");
      } else {
        notes.push("direct_where_it_happened");
      }
    } else if (area !== null) {
      anywhere = true;
      notes.push("anywhere_in_own_area");
    }
    notes.push("no_misconduct");
    return {
      infringement: true, restart: restart, awarded_to: request.offending_team === "home" ? "away" : "home",
      spot: spot, anywhere_in_goal_area: anywhere, misconduct_allowed: false, goal_area: area, note_codes: notes
    };
  }

  function isoDay(text) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!parts) return null;
    var day = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    return day.toISOString().slice(0, 10) === text ? day : null;
  }

  function addDays(text, days) {
    var day = isoDay(text);
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  /* The Monday of `text`'s week: heading limits count per Monday-Sunday week. */
  function weekStart(text) {
    var day = isoDay(text);
    return addDays(text, -((day.getUTCDay() + 6) % 7));
  }

  /* A practice week's compliance (CONTRACTS.md section 2), findings as
     {"code", "player", "values"}; or {"error": {"code", "path"}}. */
  function practiceWeek(request, policy) {
    try {
      return practice(request, policy);
    } catch (error) {
      if (error instanceof InputError) return {error: {code: error.code, path: error.path}};
      throw error;
    }
  }

  function practice(request, policy) {
    var canonical = canonicalDivision(request.division, policy);
    var rules = policy.division_rules[canonical];
    var limits = policy.heading;
    var weekOf = request.week_of;
    var weekEnd = addDays(weekOf, 7);
    var total = 0;
    var headers = {};
    var order = [];
    request.sessions.forEach(function (session, index) {
      var path = "sessions[" + index + "]";
      if (!(weekOf <= session.date && session.date < weekEnd)) throw new InputError("invalid_value", path + ".date");
      if (session.heading_minutes < 0) throw new InputError("invalid_value", path + ".heading_minutes");
      total += session.heading_minutes;
      Object.keys(session.headers || {}).forEach(function (player) {
        var count = session.headers[player];
        if (count < 0) throw new InputError("invalid_value", path + ".headers." + player);
        if (!(player in headers)) { headers[player] = 0; order.push(player); }
        headers[player] += count;
      });
    });
    var violations = [];
    var warnings = [];
    if (rules.heading_practice === "banned") {
      if (total > 0) violations.push({code: "heading_banned", player: null, values: {minutes: total}});
      order.forEach(function (player) {
        if (headers[player] > 0) {
          violations.push({code: "heading_banned", player: player, values: {count: headers[player]}});
        }
      });
    } else if (rules.heading_practice === "limited") {
      if (total > limits.practice_minutes_per_week) {
        violations.push({code: "minutes_exceeded", player: null,
                         values: {minutes: total, limit: limits.practice_minutes_per_week}});
      }
      order.forEach(function (player) {
        var count = headers[player];
        if (count > limits.headers_limit) {
          violations.push({code: "headers_exceeded", player: player, values: {count: count, limit: limits.headers_limit}});
        } else if (count > limits.headers_warning_above) {
          warnings.push({code: "headers_high", player: player, values: {count: count, limit: limits.headers_limit}});
        }
      });
    }
    return {
      compliant: violations.length === 0, division: canonical, week_of: weekOf, heading_minutes: total,
      headers: headers, violations: violations, warnings: warnings
    };
  }

  root.FieldKit = root.FieldKit || {};
  root.FieldKit.rules = {
    canonicalDivision: function (text, policy) {
      try { return canonicalDivision(text, policy); } catch (error) { return null; }
    },
    headingMatch: headingMatch,
    practiceWeek: practiceWeek,
    weekStart: weekStart,
    goalAreaOf: goalAreaOf
  };
})(self);
