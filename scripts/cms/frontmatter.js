#!/usr/bin/env node
// Front matter as Decap CMS writes it (its formats/yaml.ts toFile and gray-matter's
// stringify), for tests/test_cms.py to compare with soteneg.editors.frontmatter. Reads
// a JSON list of [key, value] pairs on stdin; prints the front matter.
"use strict";

const yaml = require("yaml");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const pairs = JSON.parse(input);
  const data = {};
  for (const [key, value] of pairs) data[key] = value;
  const contents = yaml.createNode(data);
  const doc = new yaml.Document();
  doc.contents = contents;
  process.stdout.write(`---\n${doc.toString()}---`);
});
