import { invalidRequest } from '../../errors.ts';
import type { GroupRecord } from '../../store/group-store.ts';
import { list, struct, text, type Body } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** CreateGroup, GetGroup, UpdateGroup, DeleteGroup, GetGroups. */
export function groupRoutes(ctx: ServerContext): Array<[string, Route]> {
  const find = (body: Body): GroupRecord =>
    ctx.groups.get(
      text(body, 'GroupName', { min: 1, max: 32 }),
      text(body, 'GroupARN', { min: 1, max: 400 }),
    );
  const filter = (body: Body, groupName: string | undefined): string | undefined => {
    const expression = text(body, 'FilterExpression');
    if (expression !== undefined && expression.trim() !== '')
      ctx.compileFilter(expression, groupName);
    return expression;
  };
  return [
    [
      '/CreateGroup',
      (body) => {
        const name = text(body, 'GroupName', { required: true, min: 1, max: 32 });
        if (name === 'Default') throw invalidRequest('Group name Default is reserved');
        const group = ctx.groups.create(name, filter(body, name), insights(body) ?? {});
        const tags = list(body, 'Tags');
        if (tags !== undefined)
          ctx.account.tag(group.GroupARN, tags as Array<{ Key: string; Value: string }>);
        return { Group: group };
      },
    ],
    ['/GetGroup', (body) => ({ Group: find(body) })],
    [
      '/UpdateGroup',
      (body) => {
        const group = find(body);
        return { Group: ctx.groups.update(group, filter(body, group.GroupName), insights(body)) };
      },
    ],
    ['/DeleteGroup', (body) => (ctx.groups.delete(find(body)), {})],
    ['/Groups', (body) => (text(body, 'NextToken'), { Groups: ctx.groups.list() })],
  ];
}

function insights(body: Body): Partial<GroupRecord['InsightsConfiguration']> | undefined {
  const c = struct(body, 'InsightsConfiguration');
  if (c === undefined) return undefined;
  const out: Partial<GroupRecord['InsightsConfiguration']> = {};
  if (typeof c.InsightsEnabled === 'boolean') out.InsightsEnabled = c.InsightsEnabled;
  if (typeof c.NotificationsEnabled === 'boolean')
    out.NotificationsEnabled = c.NotificationsEnabled;
  return out;
}
