/*
 * German stemming for Material's search.
 *
 * Material's search worker appends "*" to every query term for search-as-you-type. Lunr
 * skips the stemmer for wildcard terms, so "Konflikte*" never reaches the stem "konflikt"
 * and finds nothing on a page that only says "Konflikt". We add each plain word once more
 * as "word~0": an exact (edit distance 0) term that does run through the German stemmer.
 * The worker keeps the original term, so prefixes still match while typing.
 *
 * Message type 2 is the worker's query message (SearchMessageType.QUERY).
 */
(function () {
  "use strict";
  var QUERY = 2;
  var PLAIN_WORD = /^[\p{L}\p{N}]{3,}$/u;

  function withStems(query) {
    var words = query.trim().split(/\s+/);
    var extra = words.filter(function (word) { return PLAIN_WORD.test(word); })
      .map(function (word) { return word + "~0"; });
    return extra.length ? query + " " + extra.join(" ") : query;
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: message.type, data: withStems(message.data) };
    }
    return post.apply(this, arguments);
  };
})();
