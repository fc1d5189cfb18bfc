import { randomBytes } from 'node:crypto';
import { XRayError, invalidRequest } from '../errors.ts';

/** A group as the API returns it. */
export interface GroupRecord {
  GroupName: string;
  GroupARN: string;
  FilterExpression?: string;
  InsightsConfiguration: { InsightsEnabled: boolean; NotificationsEnabled: boolean };
}

/** Groups allowed besides `Default` (spec §10). */
export const MAX_GROUPS = 25;

/**
 * X-Ray groups (spec §5.2): named filter expressions with ARNs
 * `arn:aws:xray:{region}:{account}:group/{name}/{opaque}`. `Default` always exists, has no filter,
 * and cannot be created, updated or deleted. Expressions are validated by the caller.
 */
export class GroupStore {
  readonly #groups = new Map<string, GroupRecord>();
  readonly #arnPrefix: string;
  readonly #persist: (groups: GroupRecord[]) => void;

  constructor(
    region: string,
    accountId: string,
    saved: unknown,
    persist: (groups: GroupRecord[]) => void,
  ) {
    this.#arnPrefix = `arn:aws:xray:${region}:${accountId}:group/`;
    this.#persist = persist;
    this.#groups.set('Default', {
      GroupName: 'Default',
      GroupARN: `${this.#arnPrefix}Default`,
      InsightsConfiguration: { InsightsEnabled: false, NotificationsEnabled: false },
    });
    if (Array.isArray(saved))
      for (const g of saved as GroupRecord[]) this.#groups.set(g.GroupName, g);
  }

  /** Every group, `Default` first. */
  list(): GroupRecord[] {
    return [...this.#groups.values()];
  }

  /** Creates a group. */
  create(
    name: string,
    filter: string | undefined,
    insights: Partial<GroupRecord['InsightsConfiguration']>,
  ): GroupRecord {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(name)) throw invalidRequest('Invalid group name');
    if (this.#groups.has(name)) throw invalidRequest('Group already exists');
    if (this.#groups.size > MAX_GROUPS)
      throw invalidRequest(`You have reached the maximum number of groups (${MAX_GROUPS})`);
    const group: GroupRecord = {
      GroupName: name,
      GroupARN: `${this.#arnPrefix}${name}/${randomBytes(16).toString('base64url').slice(0, 26).toUpperCase()}`,
      ...(filter === undefined ? {} : { FilterExpression: filter }),
      InsightsConfiguration: {
        InsightsEnabled: insights.InsightsEnabled ?? false,
        NotificationsEnabled: insights.NotificationsEnabled ?? false,
      },
    };
    this.#groups.set(name, group);
    this.#save();
    return group;
  }

  /** Finds a group by name or ARN; throws InvalidRequestException when neither matches. */
  get(name: string | undefined, arn: string | undefined): GroupRecord {
    if (name === undefined && arn === undefined)
      throw invalidRequest('Either GroupName or GroupARN must be provided');
    const group =
      name !== undefined
        ? this.#groups.get(name)
        : [...this.#groups.values()].find((g) => g.GroupARN === arn);
    if (group === undefined || (arn !== undefined && group.GroupARN !== arn)) {
      throw new XRayError('InvalidRequestException', 'Group not found');
    }
    return group;
  }

  /** Updates a group's filter and insights settings. */
  update(
    group: GroupRecord,
    filter: string | undefined,
    insights: Partial<GroupRecord['InsightsConfiguration']> | undefined,
  ): GroupRecord {
    if (group.GroupName === 'Default' && filter !== undefined)
      throw invalidRequest('The Default group cannot be updated');
    if (filter !== undefined) group.FilterExpression = filter;
    if (insights !== undefined) Object.assign(group.InsightsConfiguration, insights);
    this.#save();
    return group;
  }

  /** Deletes a group. */
  delete(group: GroupRecord): void {
    if (group.GroupName === 'Default') throw invalidRequest('The Default group cannot be deleted');
    this.#groups.delete(group.GroupName);
    this.#save();
  }

  #save(): void {
    this.#persist(this.list().filter((g) => g.GroupName !== 'Default'));
  }
}
