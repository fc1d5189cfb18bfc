import { randomUUID } from 'node:crypto';
import { XRayError, invalidRequest } from '../errors.ts';

/** A resource policy as the API returns it. */
export interface ResourcePolicyRecord {
  PolicyName: string;
  PolicyDocument: string;
  PolicyRevisionId: string;
  /** Epoch seconds. */
  LastUpdatedTime: number;
}

/** Policies per account and bytes per policy (spec §10). */
export const MAX_POLICIES = 5;
export const MAX_POLICY_BYTES = 5 * 1024;

/**
 * X-Ray resource policies (PutResourcePolicy, DeleteResourcePolicy, ListResourcePolicies): stored
 * and validated like AWS (JSON document, 5 KB, 5 policies, revision IDs), never enforced.
 */
export class ResourcePolicies {
  readonly #policies = new Map<string, ResourcePolicyRecord>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Every policy. */
  list(): ResourcePolicyRecord[] {
    return [...this.#policies.values()];
  }

  /** Creates or replaces a policy; `revision`, when given, must match the current one. */
  put(name: string, document: string, revision: string | undefined): ResourcePolicyRecord {
    if (!/^[\w+=,.@-]{1,128}$/.test(name)) throw invalidRequest('Invalid PolicyName');
    if (Buffer.byteLength(document) > MAX_POLICY_BYTES) {
      throw new XRayError(
        'PolicySizeLimitExceededException',
        `The policy document exceeds ${MAX_POLICY_BYTES} bytes`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      throw new XRayError(
        'MalformedPolicyDocumentException',
        'The policy document is not valid JSON',
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new XRayError(
        'MalformedPolicyDocumentException',
        'The policy document must be a JSON object',
      );
    }
    const current = this.#policies.get(name);
    this.#checkRevision(current, revision);
    if (current === undefined && this.#policies.size >= MAX_POLICIES) {
      throw new XRayError(
        'PolicyCountLimitExceededException',
        `At most ${MAX_POLICIES} resource policies are allowed`,
      );
    }
    const record: ResourcePolicyRecord = {
      PolicyName: name,
      PolicyDocument: document,
      PolicyRevisionId: randomUUID(),
      LastUpdatedTime: this.#now() / 1000,
    };
    this.#policies.set(name, record);
    return record;
  }

  /** Deletes a policy (absent: nothing to do, as AWS). */
  delete(name: string, revision: string | undefined): void {
    const current = this.#policies.get(name);
    if (current === undefined) return;
    this.#checkRevision(current, revision);
    this.#policies.delete(name);
  }

  #checkRevision(current: ResourcePolicyRecord | undefined, revision: string | undefined): void {
    if (revision !== undefined && current?.PolicyRevisionId !== revision) {
      throw new XRayError(
        'InvalidPolicyRevisionIdException',
        'The policy revision ID does not match',
      );
    }
  }
}
