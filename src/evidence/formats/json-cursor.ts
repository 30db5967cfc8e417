import { EvidenceFormatError } from '../../errors.js';

/**
 * RFC 3339 date-time (Go's time.RFC3339Nano and friends). Anything looser is refused: `Date.parse`
 * alone accepts strings like "7 March", and a report's age decides admission.
 */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A position in untrusted JSON evidence. Every accessor checks the type it promises and, when the
 * content breaks it, throws an EvidenceFormatError naming the file, the format and the JSON path
 * (`Trivy JSON: $.Results[0].Vulnerabilities must be an array, got a string`).
 *
 * `null` counts as absent in the optional accessors: Go tools write nil slices and maps as `null`
 * (`"repoDigests": null`), and that means "none", not "broken".
 */
export class JsonCursor {
  private constructor(
    readonly value: unknown,
    readonly path: string,
    private readonly file: string,
    private readonly format: string,
  ) {}

  /** The document root (`$`) of `file`, read as `format` (named in error messages). */
  static root(value: unknown, file: string, format: string): JsonCursor {
    return new JsonCursor(value, '$', file, format);
  }

  /** The member `key` of this object (absent members are `undefined`, checked by the caller). */
  field(key: string): JsonCursor {
    const member = isRecord(this.value) && Object.hasOwn(this.value, key) ? this.value[key] : undefined;
    const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    return new JsonCursor(member, this.path + step, this.file, this.format);
  }

  /** True unless the value is `undefined` or `null`. */
  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  /** Throws the format error for this position: `what` completes "$.path …". */
  fail(what: string): never {
    throw new EvidenceFormatError(`${this.format}: ${this.path} ${what}`, this.file);
  }

  object(): Record<string, unknown> {
    if (!isRecord(this.value)) this.fail(`must be an object, got ${describe(this.value)}`);
    return this.value;
  }

  optionalObject(): Record<string, unknown> | undefined {
    return this.present ? this.object() : undefined;
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail(`must be a string, got ${describe(this.value)}`);
    return this.value;
  }

  optionalString(): string | undefined {
    return this.present ? this.string() : undefined;
  }

  /** A string, with `""` read as absent (Go's omitempty is not universal: grype writes `"purl": ""`). */
  optionalText(): string | undefined {
    const text = this.optionalString();
    return text ? text : undefined;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) {
      this.fail(`must be a number, got ${describe(this.value)}`);
    }
    return this.value;
  }

  optionalNumber(): number | undefined {
    return this.present ? this.number() : undefined;
  }

  /** The elements of an array, each as a cursor. */
  array(): JsonCursor[] {
    if (!Array.isArray(this.value)) this.fail(`must be an array, got ${describe(this.value)}`);
    return this.value.map(
      (item, index) => new JsonCursor(item, `${this.path}[${index}]`, this.file, this.format),
    );
  }

  /** The elements of an array, or none when the member is absent or null. */
  optionalArray(): JsonCursor[] {
    return this.present ? this.array() : [];
  }

  /** An array of strings, or none when absent. */
  optionalStrings(): string[] {
    return this.optionalArray().map((item) => item.string());
  }

  /** One of `allowed`, compared as written. */
  oneOf<T extends string>(allowed: readonly T[]): T {
    const text = this.string();
    if (!(allowed as readonly string[]).includes(text)) {
      this.fail(`must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
    }
    return text as T;
  }

  /**
   * An RFC 3339 timestamp, or undefined when absent, empty, or Go's zero time (year 1), which Go
   * tools write for "not set".
   */
  optionalDate(): Date | undefined {
    const text = this.optionalText();
    if (text === undefined) return undefined;
    const date = RFC3339.test(text) ? new Date(text) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      this.fail(`must be an RFC 3339 timestamp such as 2024-05-01T12:00:00Z, got ${JSON.stringify(text)}`);
    }
    return date.getUTCFullYear() <= 1 ? undefined : date;
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
}
