// @dataSource Users
// The hourly activity refresh (lib/activity.ts), first in every mutation.
export { request, response } from '../lib/activity';
