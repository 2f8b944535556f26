// validate_doc_update of the team index database: only the admin edits the list of managers.
function (newDoc, oldDoc, userCtx) {
  var roles = (userCtx && userCtx.roles) || [];
  if (roles.indexOf('_admin') === -1) throw { forbidden: 'only the team admin edits the team index' };
}
