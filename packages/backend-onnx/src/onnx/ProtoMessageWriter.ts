import protobuf from 'protobufjs/minimal.js';

/**
 * Writes one protobuf message field by field, with nested messages given as their own bytes.
 *
 * @internal
 */
export class ProtoMessageWriter {
  readonly #writer = protobuf.Writer.create();

  /**
   * @param field - The field number.
   * @param value - A string.
   * @returns This writer.
   */
  public string(field: number, value: string): this {
    this.#writer.uint32((field << 3) | 2).string(value);
    return this;
  }

  /**
   * @param field - The field number.
   * @param value - An integer (int64 or int32 on the wire).
   * @returns This writer.
   */
  public int(field: number, value: number): this {
    this.#writer.uint32(field << 3).int64(value);
    return this;
  }

  /**
   * @param field - The field number.
   * @param value - A float32.
   * @returns This writer.
   */
  public float(field: number, value: number): this {
    this.#writer.uint32((field << 3) | 5).float(value);
    return this;
  }

  /**
   * @param field - The field number.
   * @param bytes - A nested message's bytes, or raw bytes.
   * @returns This writer.
   */
  public bytes(field: number, bytes: Uint8Array): this {
    this.#writer.uint32((field << 3) | 2).bytes(bytes);
    return this;
  }

  /**
   * @returns The message's bytes.
   */
  public finish(): Uint8Array {
    return this.#writer.finish();
  }
}
