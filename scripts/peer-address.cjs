// Preloaded into the server `npm start` runs (node --require, see scripts/start.ts): appends
// each request's socket peer to X-Forwarded-For, as a proxy does, before Next.js sees it.
//
// Next.js 16 sets X-Forwarded-For to the peer only when the request has none
// (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js),
// so a client that sends the header hides its real address. With the peer appended, the
// rightmost hop is always the machine that connected, and lib/auth/client-ip.ts can walk the
// list from the right past TRUSTED_PROXIES.
"use strict";
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const peer = request.socket && request.socket.remoteAddress;
    if (peer) {
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] = forwarded && forwarded.trim() ? `${forwarded}, ${peer}` : peer;
    }
  }
  return emit.call(this, event, request, ...rest);
};
