// The province calls' facade, in the "tthc-score/province" and "tthc-score/xlsx" entries
// (build.mjs): many reports scored and ranked in one table, units or periods combined into
// one result, a published table checked, an input of the 766 index scored or rendered.
// Inputs cross as JSON text like every other call; a call's problems are thrown as
// TthcScoreError (a unit's own errors in batch() are its result).

// Calls `fn(input, options, ...rest)` in the module, the input as JSON text (`asText`: as it
// is), and returns its result; `{ errors }` is thrown as TthcScoreError. Shared with the
// spreadsheet facade (src/xlsx.js), whose entry always has this file.
function callOrThrow(ready, guard, fn, input, options, asText, ...rest) {
  ready();
  const i = asText ? { text: input } : jsonOrErrors(input);
  const o = options === undefined ? {} : jsonOrErrors(options, "options");
  for (const x of [i, o]) if (x.errors) throw new TthcScoreError(x.errors);
  const r = guard.enter(() => fn(i.text, o.text, ...rest));
  if (!(r instanceof Uint8Array) && "errors" in r) throw new TthcScoreError(r.errors);
  return r;
}

// A published table's CSV, which crosses as it is: a string, or a WRONG_TYPE problem.
function csvText(csv) {
  if (typeof csv !== "string") {
    throw new TthcScoreError([
      {
        code: "WRONG_TYPE",
        path: "",
        message: { vi: "Cần nội dung CSV của bảng (một chuỗi ký tự)", en: "expected the table's CSV text (a string)" },
      },
    ]);
  }
  return csv;
}

// The table's rows and the results of a batch without scorecards, packed by the module
// (crates/tthc-score-wasm/src/province/packed.rs): the names joined by U+001F, the other
// texts once each in `dict`, and per row u32s indexing `dict` (ABSENT: no value). Builds
// exactly the objects the module's serializer would: the same keys in the same order,
// absent keys left out, an absent score undefined.
const SEP = "\u001f";
const ABSENT = 0xffffffff;
const u32s = (bytes) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);

function unpackRows({ names, dict, ints }) {
  const v = u32s(ints);
  const rows = [];
  if (v.length === 0) return rows;
  const unit = names.split(SEP);
  const d = dict.split(SEP);
  for (let k = 0, n = 0; k < v.length; n++) {
    const level = v[k++];
    const group = d[v[k++]];
    const scores = new Array(v[k++]);
    for (let j = 0; j < scores.length; j++) {
      const s = v[k++];
      scores[j] = s === ABSENT ? undefined : d[s];
    }
    const total = d[v[k++]];
    const maximum = d[v[k++]];
    const rankedBy = d[v[k++]];
    const row =
      level === ABSENT
        ? { unit: unit[n], group, scores, total, maximum, rankedBy }
        : { unit: unit[n], level: d[level], group, scores, total, maximum, rankedBy };
    const g = v[k++];
    if (g !== ABSENT) row.rating = { code: d[g], label: { vi: d[g + 1], en: d[g + 2] } };
    row.rank = v[k++];
    row.rankInGroup = v[k++];
    rows.push(row);
  }
  return rows;
}

function unpackResults(ints) {
  return Array.from(u32s(ints), (row) => ({ row }));
}

function createProvinceApi(raw, ready, guard) {
  const run = (fn, input, options, key, asText = false) => callOrThrow(ready, guard, fn, input, options, asText)[key];
  return {
    batch(list, options) {
      // A JSON text crosses as it is; without scorecards, the rows come back packed.
      const r = callOrThrow(ready, guard, raw.batch, list, options, typeof list === "string");
      if (r.rows !== undefined) r.batch.table.rows = unpackRows(r.rows);
      if (r.results !== undefined) r.batch.results = unpackResults(r.results);
      return r.batch;
    },
    consolidate(list, options) {
      return run(raw.consolidate, list, options, "consolidated", typeof list === "string");
    },
    auditTable(csv, options) {
      return run(raw.auditTable, csvText(csv), options, "audit", true);
    },
    scoreIndex(input, options) {
      return run(raw.scoreIndex, input, options, "index");
    },
    renderIndex(input, options) {
      return run(raw.renderIndex, input, options, "table");
    },
  };
}
