/**
 * One field of a protobuf message as it sits on the wire.
 *
 * @internal
 */
export interface ProtoField {
  /** The field number. */
  readonly number: number;
  /** The wire type: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  readonly wireType: number;
  /** For length-delimited fields, the payload; otherwise empty. */
  readonly bytes: Uint8Array;
  /** For varint fields, the value as a number (int64 values beyond 2^53 lose precision). */
  readonly varint: number;
  /** The field's raw encoding, tag included, for copying it unchanged. */
  readonly raw: Uint8Array;
}
