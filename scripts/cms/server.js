#!/usr/bin/env node
// The browser editor on this machine: Decap CMS's page at /admin/ (written by `soteneg
// cms`) and its local backend, decap-server's file-system proxy, which saves into the
// checkout. `soteneg serve --cms` starts it; it is not meant to be run by hand.
//
// decap-server alone listens on every interface, answers any Host (a page elsewhere can
// make its own name resolve here) and reads and writes any file of the checkout,
// .git/hooks included. So here it is mounted behind three guards: the socket is bound
// to loopback, a request must name this server's own address in Host, and every path a
// request names must lie under content/, links resolved. Cross-site pages cannot send the JSON it
// takes without a CORS preflight, which only this server's own origin passes.
//
// Environment: SOTENEG_ROOT (the project), SOTENEG_ADMIN (the folder `soteneg cms`
// wrote), SOTENEG_HOST (127.0.0.1), SOTENEG_PORT (0: any free port). It prints one line,
// "listening on http://HOST:PORT/", once it does.
"use strict";

const fs = require("fs");
const path = require("path");
const express = require("express");
const { registerLocalFs } = require("decap-server/dist/middlewares");

const root = path.resolve(process.env.SOTENEG_ROOT || process.cwd());
const admin = path.resolve(process.env.SOTENEG_ADMIN || path.join(root, "admin"));
const host = process.env.SOTENEG_HOST || "127.0.0.1";
const port = parseInt(process.env.SOTENEG_PORT || "0", 10);
const CONTENT = "content/";

function pathsOf(params) {
  // Every path a request of the proxy's API names (see decap-server's joi schemas).
  const found = [];
  const add = (value) => {
    if (typeof value === "string") found.push(value);
  };
  if (!params || typeof params !== "object") return found;
  add(params.folder);
  add(params.path);
  for (const key of ["paths"]) {
    if (Array.isArray(params[key])) params[key].forEach(add);
  }
  for (const key of ["files", "dataFiles", "assets"]) {
    if (Array.isArray(params[key])) {
      params[key].forEach((item) => {
        add(item && item.path);
        add(item && item.newPath); // a move's destination
      });
    }
  }
  if (params.asset) add(params.asset.path);
  if (params.entry) {
    add(params.entry.path);
    add(params.entry.newPath);
  }
  return found;
}

function insideContent(p) {
  const clean = path.posix.normalize(p.replace(/\\/g, "/"));
  if (!clean.startsWith(CONTENT) || clean.split("/").includes("..")) return false;
  // No part of the path may be a link, dangling or not: a link committed inside
  // content/ must not lead a read or a write elsewhere (.git/hooks/pre-commit).
  let here = root;
  for (const part of clean.split("/")) {
    here = path.join(here, part);
    let found;
    try {
      found = fs.lstatSync(here);
    } catch (error) {
      return error.code === "ENOENT";
    }
    if (found.isSymbolicLink()) return false;
  }
  return true;
}

async function main() {
  const app = express();
  app.disable("x-powered-by");
  let allowed = new Set();
  app.use((req, res, next) => {
    if (!allowed.has(String(req.headers.host || "").toLowerCase())) {
      res.status(421).type("text/plain").send("This editor answers only its own address.\n");
      return;
    }
    next();
  });
  app.post("/api/v1", express.json({ limit: "50mb" }), (req, res, next) => {
    const bad = pathsOf((req.body || {}).params).filter((p) => !insideContent(p));
    if (bad.length) {
      res.status(403).json({ error: `only files under ${CONTENT} may be read or written` });
      return;
    }
    next();
  });
  await registerLocalFs(app, { logLevel: "warn" });
  app.get("/", (req, res) => res.redirect("/admin/"));
  app.use("/admin", express.static(admin, { index: "index.html" }));
  const server = app.listen(port, host, () => {
    const bound = server.address().port;
    const name = host.includes(":") ? `[${host}]` : host;
    allowed = new Set([`${name}:${bound}`, `localhost:${bound}`]);
    process.stdout.write(`listening on http://${name}:${bound}/\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // soteneg holds our stdin open while it runs: when it ends, however it ends, so do we.
  process.stdin.on("end", () => process.exit(0));
  process.stdin.resume();
}

process.env.GIT_REPO_DIRECTORY = root;
// Only this server's own pages may call its API from a browser.
process.env.ORIGIN = process.env.ORIGIN || "^$";
main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
