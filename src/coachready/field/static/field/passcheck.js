/* A Coach Pass checked on the phone: the same steps, in the same order, as
   coachready.passes.codec.verify, with the region keys and revocation list
   the kit keeps from /passes/keys.json and /passes/revoked.json.
   tests/passes/pass_cases.json holds the cases both are checked against.

   verify() resolves to the codec's result object, or rejects with
   NotAPass for text without a pass's shape. */
(function (root) {
  "use strict";
  var VERSION = "CP1";
  var ALPHABET = /^[A-Za-z0-9_-]+$/;

  function NotAPass() { this.name = "NotAPass"; }
  function Unreadable() { this.name = "Unreadable"; }

  function split(text) {
    var parts = String(text || "").trim().split(".");
    if (parts.length !== 3 || !parts.every(function (part) { return ALPHABET.test(part); })) throw new NotAPass();
    return parts;
  }

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  function b64encode(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      var chars = B64[n >> 18 & 63] + B64[n >> 12 & 63] + B64[n >> 6 & 63] + B64[n & 63];
      out += chars.slice(0, Math.min(4, bytes.length - i + 1));
    }
    return out;
  }

  /* Strict unpadded base64url: a text that is not the one canonical
     encoding of its bytes is refused, as the codec does. */
  function b64decode(text) {
    if (text.length % 4 === 1) throw new Unreadable();
    var bytes = [];
    var bits = 0;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var index = B64.indexOf(text[i]);
      if (index < 0) throw new Unreadable();
      value = (value << 6) | index;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((value >> bits) & 255);
      }
    }
    var result = new Uint8Array(bytes);
    if (b64encode(result) !== text) throw new Unreadable();
    return result;
  }

  // Python's str() of the JSON values a payload may carry. (A float that
  // JSON writes as 1.0 reads as 1 here: no pass the region signs has one.)
  function pyStr(value) {
    if (value === null) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (typeof value === "number" || typeof value === "string") return String(value);
    throw new Unreadable();
  }

  // Python's int() of a JSON value.
  function pyInt(value) {
    if (value === true) return 1;
    if (value === false) return 0;
    if (typeof value === "number" && isFinite(value)) return Math.trunc(value);
    if (typeof value === "string" && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) return parseInt(value.replace(/_/g, ""), 10);
    throw new Unreadable();
  }

  // date.fromisoformat() for the two calendar-date spellings.
  function pyDate(value) {
    if (typeof value !== "string") throw new Unreadable();
    var parts = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
    if (!parts || (value.length !== 10 && value.length !== 8)) throw new Unreadable();
    var iso = parts[1] + "-" + parts[2] + "-" + parts[3];
    var day = new Date(iso + "T00:00:00Z");
    if (isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso || parts[1] === "0000") throw new Unreadable();
    return iso;
  }

  function need(raw, key) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) throw new Unreadable();
    return raw[key];
  }

  function fromPayload(raw) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new Unreadable();
    var pairs = need(raw, "c");
    if (typeof pairs === "string" || Array.isArray(pairs)) {
      pairs = Array.from(pairs);
    } else if (pairs !== null && typeof pairs === "object") {
      pairs = Object.keys(pairs);
    } else {
      throw new Unreadable();
    }
    var cleared = pairs.map(function (pair) {
      var items = typeof pair === "string" ? Array.from(pair) : pair;
      if (items !== null && typeof items === "object" && !Array.isArray(items)) items = Object.keys(items);
      if (!Array.isArray(items) || items.length !== 2) throw new Unreadable();
      return {role: pyStr(items[0]), division: pyStr(items[1])};
    });
    return {
      pass_id: pyStr(need(raw, "p")), key_id: pyStr(need(raw, "k")), name: pyStr(need(raw, "n")),
      volunteer_id: pyStr(need(raw, "v")), region: pyInt(need(raw, "r")), cleared: cleared,
      issued_on: pyDate(need(raw, "i")), valid_through: pyDate(need(raw, "t"))
    };
  }

  /* keys: {key_id: {region, public_key (base64url)}}; revoked: {pass_id: ...};
     asOf: "YYYY-MM-DD". */
  function verify(text, keys, revoked, asOf) {
    var parts = split(text);
    var result = {
      valid: false, reasons: [], name: null, volunteer_id: null, region: null, cleared: [],
      valid_through: null, issued_on: null, pass_id: null, key_id: null
    };
    var data;
    var signature;
    try {
      if (parts[0] !== VERSION) throw new Unreadable();
      var body = new TextDecoder("utf-8", {fatal: true}).decode(b64decode(parts[1]));
      var raw;
      try { raw = JSON.parse(body); } catch (error) { throw new Unreadable(); }
      data = fromPayload(raw);
      signature = b64decode(parts[2]);
    } catch (error) {
      if (!(error instanceof Unreadable) && !(error instanceof TypeError)) throw error;
      result.reasons = ["bad_signature"];
      return Promise.resolve(result);
    }
    Object.keys(data).forEach(function (name) { result[name] = data[name]; });
    var key = Object.prototype.hasOwnProperty.call(keys, data.key_id) ? keys[data.key_id] : null;
    var checked;
    if (key === null || key.region !== data.region) {
      // A key of another region cannot vouch for this one's coaches.
      checked = Promise.resolve("unknown_key");
    } else {
      checked = signatureHolds(key.public_key, signature, parts[0] + "." + parts[1])
        .then(function (holds) { return holds ? null : "bad_signature"; });
    }
    return checked.then(function (reason) {
      var reasons = reason ? [reason] : [];
      if (!reasons.length) {
        // Dates and revocations mean something only for a genuine pass.
        if (Object.prototype.hasOwnProperty.call(revoked, data.pass_id)) reasons.push("revoked");
        if (asOf > data.valid_through) reasons.push("expired");
        if (asOf < data.issued_on) reasons.push("not_yet_valid");
      }
      result.valid = reasons.length === 0;
      result.reasons = reasons;
      return result;
    });
  }

  function signatureHolds(publicKey, signature, signed) {
    var raw;
    try { raw = b64decode(publicKey); } catch (error) { return Promise.resolve(false); }
    if (raw.length !== 32) return Promise.resolve(false);
    return crypto.subtle.importKey("raw", raw, {name: "Ed25519"}, false, ["verify"])
      .then(function (key) {
        return crypto.subtle.verify({name: "Ed25519"}, key, signature, new TextEncoder().encode(signed));
      })
      .catch(function () { return false; });
  }

  /* The lists as published, turned into the lookups verify() takes. */
  function keysFrom(doc) {
    var keys = {};
    ((doc && doc.keys) || []).forEach(function (key) { keys[key.key_id] = key; });
    return keys;
  }
  function revokedFrom(doc) {
    var revoked = {};
    ((doc && doc.revoked) || []).forEach(function (entry) { revoked[entry.pass_id] = entry; });
    return revoked;
  }

  root.FieldKit = root.FieldKit || {};
  root.FieldKit.pass = {verify: verify, NotAPass: NotAPass, keysFrom: keysFrom, revokedFrom: revokedFrom};
})(self);
