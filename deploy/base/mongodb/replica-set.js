// Run by the mongodb-replica-set Job with mongosh --nodb. Safe to run any number of times.
const env = process.env;
const members = env.MONGO_HOSTS.split(',');
const credentials = `${encodeURIComponent(env.ADMIN_USERNAME)}:${encodeURIComponent(env.ADMIN_PASSWORD)}`;
// The members require TLS; their certificate names every member, so the host names below are checked too.
const tls = `tls=true&tlsCAFile=${encodeURIComponent(env.MONGO_TLS_CA_FILE)}`;

function connectWhenUp(uri) {
  for (let attempt = 1; ; attempt++) {
    try {
      return connect(uri);
    } catch (e) {
      if (attempt >= 60) throw e;
      print(`waiting for MongoDB (${e.message})`);
      sleep(5000);
    }
  }
}

// 1. Initiate from the first member, directly: before initiation there is no replica set to connect to.
let first = connectWhenUp(`mongodb://${credentials}@${members[0]}/admin?directConnection=true&${tls}`);
try {
  first.adminCommand({ replSetGetStatus: 1 });
  print('replica set rs0 already initiated');
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  first.adminCommand({
    replSetInitiate: { _id: 'rs0', members: members.map((host, id) => ({ _id: id, host })) },
  });
  print(`replica set rs0 initiated with ${members.length} member(s)`);
}

// 2. Through the replica set (its primary), one user per service, allowed only its own database.
let admin = connectWhenUp(`mongodb://${credentials}@${env.MONGO_HOSTS}/admin?replicaSet=rs0&${tls}`);
for (const [service, database] of [['INTAKE', 'intake'], ['ROUTING', 'routing'],
                                   ['NOTIFICATION', 'notification'], ['REPORTING', 'reporting']]) {
  const user = env[`${service}_USERNAME`];
  const pwd = env[`${service}_PASSWORD`];
  const roles = [{ role: 'readWrite', db: database }];
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles });
    print(`updated user ${user}`);
  } else {
    admin.createUser({ user, pwd, roles });
    print(`created user ${user}`);
  }
}
