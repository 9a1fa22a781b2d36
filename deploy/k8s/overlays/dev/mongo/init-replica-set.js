// One-shot (compose: service mongo-init; k8s dev: Job mongo-init, a byte-identical copy): makes the three
// members the replica set rs0, then waits for a primary. Idempotent: an initiated set is left as it is.
// RS_MEMBERS: comma-separated host:port list; the first one is preferred as primary.
const hosts = (process.env.RS_MEMBERS || "mongo-1:27017,mongo-2:27017,mongo-3:27017").split(",");
const members = hosts.map((host, i) => ({ _id: i, host: host.trim(), priority: i === 0 ? 2 : 1 }));
try {
  const status = rs.status();
  print(`replica set ${status.set} already initiated`);
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  printjson(rs.initiate({ _id: "rs0", members }));
}
for (let i = 0; i < 60; i++) {
  if (db.hello().isWritablePrimary) { print("primary elected"); quit(0); }
  sleep(1000);
}
print("no primary after 60 s");
quit(1);
