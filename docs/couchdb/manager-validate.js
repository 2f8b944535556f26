// validate_doc_update of every Touchbook manager database, stored as this text in
// _design/touchbook (scripts/couch-team-setup.mjs puts it there). CouchDB calls it on each write
// with (newDoc, oldDoc, userCtx, secObj); a throw of {unauthorized} is HTTP 401, of {forbidden}
// HTTP 403. Plain ES5 with no outside names: CouchDB runs it in its own JavaScript engine.
// Reading is not its business: the database's _security members decide who reads.
function (newDoc, oldDoc, userCtx, secObj) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (!userCtx || !userCtx.name) throw { unauthorized: 'log in as a team manager to write here' };
  var name = userCtx.name;
  if (roles.indexOf('team-manager') === -1) throw { forbidden: 'only team managers write; the lead reads' };
  // The database's owner is its member by name (the lead is a member by role).
  var owners = (secObj && secObj.members && secObj.members.names) || [];
  if (owners.length > 0 && owners.indexOf(name) === -1) throw { forbidden: 'this database belongs to ' + owners.join(', ') };
  var prefix = 'agg:' + name + ':';
  if (typeof newDoc._id !== 'string' || newDoc._id.indexOf(prefix) !== 0) throw { forbidden: 'a manager writes only their own day documents, ' + prefix + 'YYYY-MM-DD' };
  if (oldDoc && !oldDoc._deleted && oldDoc.managerId !== name) throw { forbidden: 'the document belongs to another manager' };
  if (newDoc._deleted === true) return;
  if (newDoc.type !== 'touchbook/day' || newDoc.schema !== 1) throw { forbidden: 'not a Touchbook day document (type touchbook/day, schema 1)' };
  if (newDoc.managerId !== name) throw { forbidden: 'managerId must be the writer, ' + name };
  if (typeof newDoc.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(newDoc.day) || newDoc._id !== prefix + newDoc.day) {
    throw { forbidden: 'day must be YYYY-MM-DD and the id ' + prefix + '<day>' };
  }
  var touches = newDoc.touches;
  var fields = ['done', 'open', 'overdue', 'skipped', 'missed'];
  for (var i = 0; i < fields.length; i++) {
    var value = touches && touches[fields[i]];
    if (typeof value !== 'number' || value < 0 || Math.floor(value) !== value) throw { forbidden: 'touches.' + fields[i] + ' must be a count' };
  }
  if (!newDoc.revenue || typeof newDoc.revenue !== 'object') throw { forbidden: 'revenue is missing' };
  var lists = ['plans', 'objections'];
  for (var j = 0; j < lists.length; j++) {
    if (Object.prototype.toString.call(newDoc[lists[j]]) !== '[object Array]') throw { forbidden: lists[j] + ' must be a list' };
  }
}
