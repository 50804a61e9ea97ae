// The search page's Pagefind, ranking the merged shards as one index would (issue 29;
// docs/search.md, "Shards"). Pagefind's UI imports this module in place of Pagefind's
// own pagefind.js (its bundlePath is this file's folder); every call goes on to
// Pagefind's, and a search's results are sorted again.
//
// Pagefind scores a page with idf = ln(1 + (N - n + 0.5) / (n + 0.5)) for each query
// term, N the pages of the index searched and n its pages with the term (any word that
// extends it), and a merged shard is an index of its own: its pages come out scaled by
// idf_shard / idf_site. A one-term search's score is that idf times parts that do not
// depend on it, so it is scaled back exactly; with more terms each term's part is that
// term's own search's score, and what is left (the title's boost for matching them
// together) is scaled by the sum of the terms' idf. Pagefind tells neither a result's
// shard nor its n: each merged shard is given an indexWeight a millionth or so above 1,
// which Pagefind multiplies into its scores, and a score divided by its shard's weight,
// alone of all, gives back the 32-bit float Pagefind computed (weight() below). A
// shard's N is in its pagefind-entry.json, its n the number of its results for the
// term alone. Anything it cannot tell (a quoted or sorted search, a score no shard
// could have given) leaves Pagefind's order as it is.

let pagefind = null;
const shards = []; // the bundles searched: the first, then the merged ones in order
let sizes = null;

// Shard k's weight is the k-th prime above 2^28 over 2^28 (1 for the first bundle).
// Pagefind's 32-bit score (24 bits of mantissa) times it is exact in a double (53 bits),
// and divided by another shard's weight it is a 32-bit float only if that prime divided
// the mantissa, which is smaller than any of them: the shard is told without doubt.
const SCALE = 2 ** 28;
const primes = [SCALE];

function weight(k) {
  while (primes.length <= k) {
    let candidate = primes[primes.length - 1] + 1;
    const prime = (n) => {
      for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
      return true;
    };
    while (!prime(candidate)) candidate++;
    primes.push(candidate);
  }
  return primes[k] / SCALE;
}

function shardOf(score) {
  let found = -1;
  for (let k = 0; k < shards.length; k++) {
    const raw = score / weight(k);
    if (Math.fround(raw) === raw) {
      if (found >= 0) return -1;
      found = k;
    }
  }
  return found;
}

function idf(total, having) {
  return Math.log(1 + (total - having + 0.5) / (having + 0.5));
}

async function pageCounts() {
  if (!sizes) {
    const lang = (document.documentElement.lang || "").toLowerCase();
    sizes = Promise.all(
      shards.map((path) =>
        fetch(path + "pagefind-entry.json")
          .then((response) => response.json())
          .then((entry) => entry.languages[lang].page_count),
      ),
    );
  }
  return sizes;
}

// Each result's shard and score as that shard computed it, or null if one is unclear.
function located(results) {
  const out = new Map();
  for (const result of results) {
    const k = shardOf(result.score);
    if (k < 0) return null;
    out.set(result.id, { k, raw: result.score / weight(k) });
  }
  return out;
}

async function rerank(term, options, found) {
  // One bundle is one index: nothing to rank again, and no searches to add.
  if (shards.length < 2 || !found || !found.results.length) return found;
  if (options.sort && Object.keys(options.sort).length) return found;
  if (/^\s*".+"\s*$/.test(term)) return found;
  const terms = term.trim().split(/\s+/);
  const whole = located(found.results);
  if (!whole) return found;
  const filtered = options.filters && Object.keys(options.filters).length;
  const alone = [];
  for (const word of terms) {
    const mine = terms.length === 1 && !filtered ? found : await pagefind.search(word);
    const places = located(mine.results);
    if (!places) return found;
    // A word Pagefind's normalising removed (punctuation alone) is not a term.
    if (places.size) alone.push(places);
  }
  const counts = await pageCounts().catch(() => null);
  if (!counts || !alone.length) return found;
  const total = counts.reduce((sum, n) => sum + n, 0);
  // Each term's idf over the whole site and over each shard (0 where it has no page).
  const site = alone.map((places) => idf(total, places.size));
  const own = alone.map((places) => {
    const having = counts.map(() => 0);
    for (const { k } of places.values()) having[k]++;
    return counts.map((n, k) => (having[k] ? idf(n, having[k]) : 0));
  });
  const score = (result) => {
    const { k, raw } = whole.get(result.id);
    if (alone.length === 1) return (raw * site[0]) / own[0][k];
    let parts = 0;
    let corrected = 0;
    let siteSum = 0;
    let ownSum = 0;
    alone.forEach((places, t) => {
      const single = places.get(result.id);
      if (single) {
        parts += single.raw;
        corrected += (single.raw * site[t]) / own[t][k];
      }
      siteSum += site[t];
      ownSum += own[t][k];
    });
    return corrected + ((raw - parts) * siteSum) / ownSum;
  };
  const scored = found.results.map((result) => [score(result), result]);
  scored.sort((a, b) => b[0] - a[0]);
  found.results = scored.map(([value, result]) => Object.assign(result, { score: value }));
  return found;
}

export async function options(opts) {
  const { sotenegBundle, ...rest } = opts;
  if (!pagefind) {
    pagefind = await import(sotenegBundle + "pagefind.js");
    shards.push(sotenegBundle);
  }
  return pagefind.options(rest);
}

export async function mergeIndex(path, opts = {}) {
  shards.push(path);
  sizes = null;
  return pagefind.mergeIndex(path, { ...opts, indexWeight: weight(shards.length - 1) });
}

export async function search(term, opts = {}) {
  return rerank(term, opts, await pagefind.search(term, opts));
}

export async function debouncedSearch(term, opts = {}, timeout = 300) {
  const found = await pagefind.debouncedSearch(term, opts, timeout);
  return found && rerank(term, opts, found);
}

export const preload = (term, opts) => pagefind.preload(term, opts);
export const filters = () => pagefind.filters();
export const init = () => pagefind.init();
export const destroy = () => pagefind.destroy();
