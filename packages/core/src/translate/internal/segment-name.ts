// `name` (spec/translation.md §2) plus the new-convention fallbacks OTel JS needs.
import { sanitizeSegmentName } from '../sanitize.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { hasSlot, slot } from './attribute-scan.ts';
import * as S from './attribute-slots.ts';
import { str } from './attribute-values.ts';
import { AWS_API, isDependencyKind, KIND_INTERNAL } from './constants.ts';
import { urlHostname } from './url-host.ts';

/** Inputs of the naming rules. */
export interface NameInput {
  /** The attribute scan (values of the keys read by name). */
  scan: AttributeScan;
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
export function trimAwsSdkPrefix(name: string, s: AttributeScan): string {
  if (str(slot(s, S.RPC_SYSTEM)) !== AWS_API) return name;
  if (name.startsWith('AWS.SDK.')) return name.slice(8);
  if (name.startsWith('AWS::')) return name.slice(5);
  return name;
}

function withHost(name: string, host: string): string {
  return host === '' ? name : `${name}@${host}`;
}

/** The chosen name and whether it came from `aws.service` (which implies namespace `aws`). */
export function chooseName(input: NameInput): { name: string; fromAwsService: boolean } {
  const { scan: s, kind } = input;
  let name = '';
  if (input.asService || (kind === KIND_INTERNAL && input.localRoot))
    name = str(slot(s, S.AWS_LOCAL_SERVICE));
  if (name === '' && !input.asService && isDependencyKind(kind) && !input.withoutRemoteService)
    name = trimAwsSdkPrefix(str(slot(s, S.AWS_REMOTE_SERVICE)), s);
  if (name === '') name = str(slot(s, S.PEER_SERVICE));
  if (name === '') {
    name = str(slot(s, S.AWS_SERVICE));
    if (name !== '') return { name: sanitizeSegmentName(name), fromAwsService: true };
  }
  if (name === '' && hasSlot(s, S.DB_NAME)) {
    // `<db name>@<host>`; the collector appends the host even to an empty db.name.
    name = str(slot(s, S.DB_NAME));
    if (hasSlot(s, S.DB_CONNECTION_STRING)) {
      const connection = str(slot(s, S.DB_CONNECTION_STRING));
      name = withHost(
        name,
        urlHostname(connection.startsWith('jdbc:') ? connection.slice(5) : connection),
      );
    }
  }
  if (name === '') {
    // Extension: new database conventions (db.namespace + server.address).
    name = str(slot(s, S.DB_NAMESPACE));
    if (name !== '') name = withHost(name, str(slot(s, S.SERVER_ADDRESS)));
  }
  if (name === '' && input.asService) name = input.serviceName;
  if (name === '') name = str(slot(s, S.RPC_SERVICE));
  if (name === '') name = str(slot(s, S.HTTP_HOST));
  if (name === '') name = str(slot(s, S.NET_PEER_NAME));
  if (name === '' && !input.asService) {
    // Extension: stable HTTP conventions name the callee by server.address or the URL's host.
    name = str(slot(s, S.SERVER_ADDRESS));
    if (name === '') name = urlHostname(str(slot(s, S.URL_FULL)));
  }
  if (name === '') name = input.spanName;
  return { name: sanitizeSegmentName(name), fromAwsService: false };
}
