import { invalidRequest, XRayError } from '../errors.ts';

/** The account-level X-Ray settings a local server keeps (encryption, destination, indexing, tags). */
export class AccountSettings {
  encryption: { KeyId?: string; Status: 'ACTIVE' | 'UPDATING'; Type: 'NONE' | 'KMS' } = {
    Status: 'ACTIVE',
    Type: 'NONE',
  };
  destination: { Destination: 'XRay' | 'CloudWatchLogs'; Status: 'ACTIVE' | 'PENDING' } = {
    Destination: 'XRay',
    Status: 'ACTIVE',
  };
  indexing = { Name: 'Default', ModifiedAt: 0, DesiredSamplingPercentage: 100 };
  readonly #tags = new Map<string, Map<string, string>>();

  /** Tags of a resource. */
  tags(arn: string): Array<{ Key: string; Value: string }> {
    return [...(this.#tags.get(arn) ?? new Map<string, string>())].map(([Key, Value]) => ({
      Key,
      Value,
    }));
  }

  /** Adds or replaces tags; at most 50 per resource. */
  tag(arn: string, tags: Array<{ Key: string; Value: string }>): void {
    const current = new Map(this.#tags.get(arn) ?? []);
    for (const t of tags) current.set(t.Key, t.Value);
    if (current.size > 50) {
      throw new XRayError('TooManyTagsException', 'A resource can have at most 50 tags', {
        ResourceName: arn,
      });
    }
    this.#tags.set(arn, current);
  }

  /** Removes tags by key. */
  untag(arn: string, keys: string[]): void {
    const current = this.#tags.get(arn);
    for (const k of keys) current?.delete(k);
  }

  /** Sets the segment destination; repeating the current one fails as AWS does (spec §5.4). */
  setDestination(destination: string): void {
    if (destination !== 'XRay' && destination !== 'CloudWatchLogs')
      throw invalidRequest('Invalid Destination');
    if (destination === this.destination.Destination) {
      throw invalidRequest(`The destination is already set to ${destination}`);
    }
    this.destination = { Destination: destination, Status: 'ACTIVE' };
  }
}
