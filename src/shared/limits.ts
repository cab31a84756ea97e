/**
 * The bound of every kind of input, shared by the API's schemas (src/server/ * /*.schemas.ts) and the web forms'
 * maxlength attributes, so a form never lets through what the server refuses. docs/SECURITY.md, "Bounded work":
 * every input has a bound that fits its form, so no single request can make the server lay out megabytes of text.
 */
export const MAX = {
  /** A person's or organisation's name, a title, a subject line. */
  name: 200,
  /** A postal address. */
  address: 500,
  /** One item of a list printed on a form (a missing component of a supplement request, Mẫu 02). */
  listItem: 500,
  /** Items of a list on one form (missing components, component checks, roles, legal bases). */
  listItems: 50,
  /** Codes and identifiers (procedure, dossier, agency codes). */
  code: 50,
  /** A sign-in name. */
  username: 64,
  /** An e-mail address (RFC 5321: 254 characters). */
  email: 254,
  /** An ISO 8601 instant with offset, e.g. 2026-02-25T17:30:00.000+07:00 (29), with room. */
  instant: 40,
  /** A search text or a cursor. */
  search: 200,
  /** A note, a reason, an answer: one form field of ordinary text. */
  note: 2000,
  /** Long text a form holds: the content of a petition, the decision that resolves it. */
  longText: 5000,
  /** Copies, counts and other small numbers on a form. */
  count: 50,
  /** A PKCS#12 signing certificate (.p12/.pfx) in base64: a key and a chain of a few certificates, with room. */
  pkcs12Base64: 200_000,
  /** A password that protects a file (PKCS#12). */
  filePassword: 256,
} as const;
