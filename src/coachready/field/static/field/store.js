/* What the kit keeps on the phone besides the worker's cache: the
   practices logged here and not yet sent, in localStorage, each with the
   id the phone made for it (the server stores an id once, however often
   it is sent). */
(function (root) {
  "use strict";
  var OUTBOX = "coachready.field.outbox";

  function read() {
    try {
      var list = JSON.parse(root.localStorage.getItem(OUTBOX) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function write(list) {
    root.localStorage.setItem(OUTBOX, JSON.stringify(list));
  }

  root.FieldKit = root.FieldKit || {};
  root.FieldKit.store = {
    waiting: read,
    add: function (entry) {
      var list = read();
      list.push(entry);
      write(list);
    },
    remove: function (clientId) {
      write(read().filter(function (entry) { return entry.client_id !== clientId; }));
    }
  };
})(self);
