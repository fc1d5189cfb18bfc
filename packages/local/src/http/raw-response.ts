/** A route result sent as-is instead of JSON (OTLP protobuf responses). */
export class RawResponse {
  readonly contentType: string;
  readonly body: Buffer;

  constructor(contentType: string, body: Buffer) {
    this.contentType = contentType;
    this.body = body;
  }
}
