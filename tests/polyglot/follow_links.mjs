// A naive Link follower, as people write one: the target is fetched as it is,
// with no base URL to resolve it against. Prints the ids of every item, in order.
//   node follow_links.mjs <first page URL>      (PROJEKT_API_KEY, PROJEKT_ORG_ID)
const headers = {
  Authorization: `Bearer ${process.env.PROJEKT_API_KEY}`,
  "X-Org-Id": process.env.PROJEKT_ORG_ID,
};
let next = process.argv[2];
const ids = [];
while (next) {
  const res = await fetch(new URL(next), { headers });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${next}`);
  ids.push(...(await res.json()).map((item) => item.id));
  next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
}
console.log(JSON.stringify(ids));
