import type { X2jOptions } from 'fast-xml-parser';

/**
 * The one way Glidepath parses XML evidence (the loader and the tests share it). Every element
 * becomes an array, so a suite with one test case has the same shape as a suite with many; attribute
 * values stay strings (`@_tests: "3"`), so a malformed count is seen and reported instead of
 * silently turning into NaN. `htmlEntities` stays off: JUnit is XML, and only XML's five entities
 * and numeric references are meaningful in it.
 */
export const XML_PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
} as const satisfies X2jOptions;
