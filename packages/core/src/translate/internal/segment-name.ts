// `name` (spec/translation.md §2) plus the new-convention fallbacks OTel JS needs.
import type { TranslatableAttributes } from '../translatable-span.ts';
import { sanitizeSegmentName } from '../sanitize.ts';
import { str } from './attribute-values.ts';
import { AWS_API, isDependencyKind, KIND_INTERNAL } from './constants.ts';
import { urlHostname } from './url-host.ts';

/** Inputs of the naming rules. */
export interface NameInput {
  attrs: TranslatableAttributes;
  kind: number;
  spanName: string;
  /** The document stands for the service (SERVER, or CONSUMER promoted to a segment). */
  asService: boolean;
  localRoot: boolean;
  /** Resource `service.name`. */
  serviceName: string;
  /** `aws.remote.service` was removed (the split service segment of §1.2). */
  withoutRemoteService: boolean;
}

/** Strips `AWS.SDK.` or `AWS::` from an AWS SDK span's remote service name. */
export function trimAwsSdkPrefix(name: string, attrs: TranslatableAttributes): string {
  if (str(attrs['rpc.system']) !== AWS_API) return name;
  if (name.startsWith('AWS.SDK.')) return name.slice(8);
  if (name.startsWith('AWS::')) return name.slice(5);
  return name;
}

function withHost(name: string, host: string): string {
  return host === '' ? name : `${name}@${host}`;
}

/** The chosen name and whether it came from `aws.service` (which implies namespace `aws`). */
export function chooseName(input: NameInput): { name: string; fromAwsService: boolean } {
  const { attrs, kind } = input;
  let name = '';
  if (input.asService || (kind === KIND_INTERNAL && input.localRoot))
    name = str(attrs['aws.local.service']);
  if (name === '' && !input.asService && isDependencyKind(kind) && !input.withoutRemoteService)
    name = trimAwsSdkPrefix(str(attrs['aws.remote.service']), attrs);
  if (name === '') name = str(attrs['peer.service']);
  if (name === '') {
    name = str(attrs['aws.service']);
    if (name !== '') return { name: sanitizeSegmentName(name), fromAwsService: true };
  }
  if (name === '' && Object.hasOwn(attrs, 'db.name')) {
    // `<db name>@<host>`; the collector appends the host even to an empty db.name.
    name = str(attrs['db.name']);
    if (Object.hasOwn(attrs, 'db.connection_string')) {
      const connection = str(attrs['db.connection_string']);
      name = withHost(
        name,
        urlHostname(connection.startsWith('jdbc:') ? connection.slice(5) : connection),
      );
    }
  }
  if (name === '') {
    // Extension: new database conventions (db.namespace + server.address).
    name = str(attrs['db.namespace']);
    if (name !== '') name = withHost(name, str(attrs['server.address']));
  }
  if (name === '' && input.asService) name = input.serviceName;
  if (name === '') name = str(attrs['rpc.service']);
  if (name === '') name = str(attrs['http.host']);
  if (name === '') name = str(attrs['net.peer.name']);
  if (name === '' && !input.asService) {
    // Extension: stable HTTP conventions name the callee by server.address or the URL's host.
    name = str(attrs['server.address']);
    if (name === '') name = urlHostname(str(attrs['url.full']));
  }
  if (name === '') name = input.spanName;
  return { name: sanitizeSegmentName(name), fromAwsService: false };
}
