export const id = 651;
export const ids = [651];
export const modules = {

/***/ 32651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyFileIn: () => (/* binding */ policyFileIn),
  runVerify: () => (/* binding */ runVerify),
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/load-policy.ts + 3 modules
var load_policy = __webpack_require__(28031);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/gitops/quarantine.ts
var quarantine = __webpack_require__(34910);
// EXTERNAL MODULE: ./src/evidence/image-ref.ts
var image_ref = __webpack_require__(70912);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./src/evidence/formats/json-cursor.ts

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
class JsonCursor {
    value;
    path;
    file;
    format;
    constructor(value, path, file, format) {
        this.value = value;
        this.path = path;
        this.file = file;
        this.format = format;
    }
    /** The document root (`$`) of `file`, read as `format` (named in error messages). */
    static root(value, file, format) {
        return new JsonCursor(value, '$', file, format);
    }
    /** The member `key` of this object (absent members are `undefined`, checked by the caller). */
    field(key) {
        const member = isRecord(this.value) && Object.hasOwn(this.value, key) ? this.value[key] : undefined;
        const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        return new JsonCursor(member, this.path + step, this.file, this.format);
    }
    /** True unless the value is `undefined` or `null`. */
    get present() {
        return this.value !== undefined && this.value !== null;
    }
    /** Throws the format error for this position: `what` completes "$.path …". */
    fail(what) {
        throw new errors/* EvidenceFormatError */.js(`${this.format}: ${this.path} ${what}`, this.file);
    }
    object() {
        if (!isRecord(this.value))
            this.fail(`must be an object, got ${describe(this.value)}`);
        return this.value;
    }
    optionalObject() {
        return this.present ? this.object() : undefined;
    }
    string() {
        if (typeof this.value !== 'string')
            this.fail(`must be a string, got ${describe(this.value)}`);
        return this.value;
    }
    optionalString() {
        return this.present ? this.string() : undefined;
    }
    /** A string, with `""` read as absent (Go's omitempty is not universal: grype writes `"purl": ""`). */
    optionalText() {
        const text = this.optionalString();
        return text ? text : undefined;
    }
    number() {
        if (typeof this.value !== 'number' || !Number.isFinite(this.value)) {
            this.fail(`must be a number, got ${describe(this.value)}`);
        }
        return this.value;
    }
    optionalNumber() {
        return this.present ? this.number() : undefined;
    }
    /** The elements of an array, each as a cursor. */
    array() {
        if (!Array.isArray(this.value))
            this.fail(`must be an array, got ${describe(this.value)}`);
        return this.value.map((item, index) => new JsonCursor(item, `${this.path}[${index}]`, this.file, this.format));
    }
    /** The elements of an array, or none when the member is absent or null. */
    optionalArray() {
        return this.present ? this.array() : [];
    }
    /** An array of strings, or none when absent. */
    optionalStrings() {
        return this.optionalArray().map((item) => item.string());
    }
    /** One of `allowed`, compared as written. */
    oneOf(allowed) {
        const text = this.string();
        if (!allowed.includes(text)) {
            this.fail(`must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
        }
        return text;
    }
    /**
     * An RFC 3339 timestamp, or undefined when absent, empty, or Go's zero time (year 1), which Go
     * tools write for "not set".
     */
    optionalDate() {
        const text = this.optionalText();
        if (text === undefined)
            return undefined;
        const date = RFC3339.test(text) ? new Date(text) : undefined;
        if (!date || Number.isNaN(date.getTime())) {
            this.fail(`must be an RFC 3339 timestamp such as 2024-05-01T12:00:00Z, got ${JSON.stringify(text)}`);
        }
        return date.getUTCFullYear() <= 1 ? undefined : date;
    }
}
/** A plain JSON object (not an array, not null). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    return `a ${typeof value} (${String(value)})`;
}

;// CONCATENATED MODULE: ./src/evidence/formats/in-toto.ts

/** Every in-toto Statement `_type` starts with this; the version follows (`v1`, `v0.1`). */
const STATEMENT_TYPE_PREFIX = 'https://in-toto.io/Statement/';
/** in-toto Statement v1, the only version accepted by default. */
const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** in-toto Statement v0.1 (npm provenance, older attestations): accepted only with allowLegacyStatement. */
const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';
const FORMAT = 'in-toto Statement';
const BUNDLE_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
/**
 * A plain (unsigned) in-toto Statement. Nothing vouches for it, so the provenance check can never
 * let it satisfy `require: [provenance]`; it is still checked against the artifact digest.
 */
const inTotoFormat = {
    name: 'in-toto',
    recognises(content) {
        if (content.syntax !== 'json' || !isRecord(content.value))
            return false;
        const { _type, payloadType, mediaType } = content.value;
        // A Statement never carries DSSE's payloadType or a bundle's mediaType: leaving those to their own
        // formats keeps recognition mutually exclusive even for odd hybrids.
        return (typeof _type === 'string' &&
            _type.startsWith(STATEMENT_TYPE_PREFIX) &&
            payloadType === undefined &&
            !(typeof mediaType === 'string' && mediaType.startsWith(BUNDLE_MEDIA_TYPE_PREFIX)));
    },
    parse(content, file) {
        const statement = readStatement(content.syntax === 'json' ? content.value : undefined, file);
        return { format: 'in-toto', kind: 'provenance', file, statement };
    },
};
/**
 * Reads an in-toto Statement (v1 or v0.1, which share these fields), checking the type of every
 * field Glidepath uses. `format` names where the statement came from in error messages ("DSSE
 * payload"). Unknown fields are ignored, as the spec requires of consumers.
 */
function readStatement(value, file, format = FORMAT) {
    const root = JsonCursor.root(value, file, format);
    root.object();
    const type = root.field('_type').string();
    if (!type.startsWith(STATEMENT_TYPE_PREFIX)) {
        root.field('_type').fail(`must start with ${STATEMENT_TYPE_PREFIX}, got ${JSON.stringify(type)}`);
    }
    const subjects = root
        .field('subject')
        .array()
        .map((subject) => {
        subject.object();
        const digest = subject.field('digest');
        const algorithms = Object.keys(digest.object());
        return {
            name: subject.field('name').optionalString(),
            digest: Object.fromEntries(algorithms.map((algorithm) => [algorithm, digest.field(algorithm).string()])),
        };
    });
    return {
        type,
        subjects,
        predicateType: root.field('predicateType').string(),
        predicate: root.field('predicate').value,
    };
}

;// CONCATENATED MODULE: ./src/evidence/formats/dsse.ts



const dsse_FORMAT = 'DSSE envelope';
/**
 * in-toto's envelope.md: payloadType "MUST be set to `application/vnd.in-toto.<predicate>+json` or
 * to `application/vnd.in-toto+json`".
 */
const IN_TOTO_PAYLOAD_TYPE = /^application\/vnd\.in-toto(?:\.[^\s+/]+)?\+json$/;
/** Base64 as DSSE writers emit it: standard or URL-safe alphabet, optional padding. */
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;
/** True for the payload types in-toto allows for a Statement inside DSSE. */
function isInTotoPayloadType(payloadType) {
    return IN_TOTO_PAYLOAD_TYPE.test(payloadType);
}
/**
 * A bare DSSE envelope (`{payloadType, payload, signatures}`) carrying an in-toto Statement, as
 * `cosign attest` or in-toto tooling writes it. Glidepath has no key to check its signatures with,
 * so it is as unsigned as a plain Statement; only a Sigstore bundle carries verifiable signatures.
 */
const dsseFormat = {
    name: 'dsse',
    recognises(content) {
        if (content.syntax !== 'json' || !isRecord(content.value))
            return false;
        const { payloadType, payload, signatures, _type, mediaType } = content.value;
        return (typeof payloadType === 'string' &&
            isInTotoPayloadType(payloadType) &&
            typeof payload === 'string' &&
            Array.isArray(signatures) &&
            _type === undefined &&
            mediaType === undefined);
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, dsse_FORMAT);
        root.object();
        const payloadType = root.field('payloadType').string();
        if (!isInTotoPayloadType(payloadType)) {
            root
                .field('payloadType')
                .fail(`must be application/vnd.in-toto+json, got ${JSON.stringify(payloadType)}`);
        }
        for (const signature of root.field('signatures').array()) {
            signature.object();
            signature.field('sig').string();
            signature.field('keyid').optionalString();
        }
        const payloadField = root.field('payload');
        const payload = decodeBase64(payloadField.string());
        if (!payload)
            payloadField.fail('must be base64');
        return { format: 'dsse', kind: 'provenance', file, statement: readStatementPayload(payload, file) };
    },
};
/** Decodes standard or URL-safe base64; undefined when the text is not base64. */
function decodeBase64(text) {
    return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
/**
 * Reads a DSSE payload as an in-toto Statement. Throws EvidenceFormatError naming `file` when the
 * payload is not JSON or not a Statement.
 */
function readStatementPayload(payload, file) {
    let value;
    try {
        value = JSON.parse(payload.toString('utf8'));
    }
    catch (error) {
        throw new errors/* EvidenceFormatError */.js(`DSSE payload: not JSON (${error.message}); payload must be a base64-encoded in-toto Statement`, file);
    }
    return readStatement(value, file, 'DSSE payload');
}

// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
;// CONCATENATED MODULE: ./src/evidence/formats/sigstore-bundle.ts




/**
 * Covers every bundle spelling clients must accept: `application/vnd.dev.sigstore.bundle+json;version=0.1`
 * (0.2, 0.3) and `application/vnd.dev.sigstore.bundle.v0.3+json`.
 */
const MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
/**
 * A Sigstore bundle (`actions/attest-build-provenance`, `gh attestation download`, `cosign`), kept
 * as JSON and verified by the provenance check against the trusted roots.
 *
 * A bundle that is structurally broken (a field missing or of the wrong type, a certificate or
 * timestamp that is not DER, a DSSE envelope without exactly one signature) is an
 * EvidenceFormatError here, so the run exits 2 naming the file, like any other malformed evidence.
 * Only cryptography and policy (signature, chain, timestamps, identity, subject) are left to the
 * check, where they become a failed check (exit 1).
 */
const sigstoreBundleFormat = {
    name: 'sigstore-bundle',
    recognises(content) {
        return (content.syntax === 'json' &&
            isRecord(content.value) &&
            typeof content.value.mediaType === 'string' &&
            content.value.mediaType.startsWith(MEDIA_TYPE_PREFIX));
    },
    parse(content, file) {
        const value = content.syntax === 'json' ? content.value : undefined;
        const problem = bundleProblem(value);
        if (problem)
            throw new errors/* EvidenceFormatError */.js(`Sigstore bundle: ${problem}`, file);
        return { format: 'sigstore-bundle', kind: 'provenance', file, bundle: value };
    },
};
/**
 * Why `value` is not a usable Sigstore bundle, or undefined when it is one. Runs @sigstore/bundle's
 * validation and decodes the certificate and timestamps, without any cryptographic check.
 */
function bundleProblem(value) {
    try {
        (0,verify_dist/* toSignedEntity */.DC)((0,dist/* bundleFromJSON */.vw)(value));
        return undefined;
    }
    catch (error) {
        return describeBundleError(error);
    }
}
/** One clause for a @sigstore/bundle ValidationError or a decoding error, naming the broken fields. */
function describeBundleError(error) {
    const regenerate = 'regenerate it with actions/attest-build-provenance, `gh attestation download` or cosign';
    if (error instanceof dist/* ValidationError */.yI) {
        const fields = error.fields ?? [];
        if (fields.includes('content.dsseEnvelope.signatures')) {
            return `its DSSE envelope must carry exactly one signature (protobuf-specs sigstore_bundle.proto); ${regenerate}`;
        }
        if (fields.includes('mediaType')) {
            return `unsupported mediaType: use bundle v0.1, v0.2 or v0.3; ${regenerate}`;
        }
        const named = fields.length ? fields.join(', ') : 'unknown fields';
        return `${named} missing or malformed (${error.message}); ${regenerate}`;
    }
    const detail = error instanceof Error ? error.message : String(error);
    return `cannot be decoded (${detail}); ${regenerate}`;
}

// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
;// CONCATENATED MODULE: ./src/evidence/trust/github.ts
/**
 * GitHub's own Sigstore trusted root (fulcio.githubapp.com CAs and timestamp.githubapp.com TSAs, no
 * transparency logs), as served by tuf-repo.github.com. It verifies attestations from private and
 * internal repositories.
 *
 * Copied verbatim (as data) from sigstore/sigstore-rust
 * crates/sigstore-trust-root/src/trusted_root_github.json
 * at commit 948c31788666372867657203618d84848443eb7d. Licensed under the Apache License, Version 2.0;
 * see LICENSE-sigstore-rust beside this file. Embedded so that verification needs no network: refresh it
 * from that file (or from the TUF repository it mirrors) when the CA, log or TSA keys rotate.
 */
const GITHUB_TRUSTED_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKjCCAbCgAwIBAgIUW3TJVeOvr+NSvJXdOw8nEEn7HhQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTIzMDkxMjE0MDY1NFoXDTI0MDkxMTE0MDY1NFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEsosodObhuHG6Pr5vp5y+pmnKawS1h2hwv3r3hBwqh3ZHJAw64mhDnDs9fw4jKkZEBYRSVyOHyZppz4day8hgpTIDwdj44Oan4RDb+wmj04jfhVLjLsQ4Q/X4K/ynRgNXo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUm0vkDkQZ29hutYdayJobIRmf/iMwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaAAwZQIwIBl93E7vkWTvdeIm1WSIM4qNsj0ApE8LCj3k1vrY5x6/7yhAZs7QlO3/FBCoEeaZAjEAlJcNr37uZq9BYHODHBeO/gP+6EfbzsNaLV22ASBlhF/a9y83ESLuqCNN7IxGxmWT',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2023-10-27T16:30:00Z',
                end: '2024-05-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKzCCAbCgAwIBAgIUOpyw2HaZefsj/4SPXutGof8E2CkwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI0MDUxMzAwMDAwMFoXDTI1MDUxMzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEJNJWvW8fckfk/oQmh+qCeIlFXl9YLEkKSjZCgcVB92Fi1HQnvmpCiyqpvP91SmT1/G6QbrmTGV7MmIQlDnBWHNUT+jwZ3elGu/yfr/v8U0uhZTIli/BMj5Y4ICHK/j4do3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUD0fF3cs+ldPyiWohHJ3JmO91V7gwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaQAwZgIxAO7BRC9i7oGUHjjlcHU/bfqk2NLy7t6wm3K5W+jBLFbAj6sVjYcY+rrYhop/OjclbQIxALafBKLPIPjoCI29BUHwLBFP6e92ZlyaoFtoqccceXAevRaDjXFvb5+M7wnD6AuAJw==',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-05-13T00:00:00Z',
                end: '2024-10-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKzCCAbCgAwIBAgIUQeyd9UH06yZ63pDuqjgUZ58CnpMwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI0MTAwMzEyMDAwMFoXDTI1MTAwMzEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEwvbET2w+j9j9j50iTInH1gb9GSXkpsCvWz5orX1zgme+/Qh/5gMkpfmgfOSLV2ZRgT1hzujYmnKQvP2mCxYnbwQELAkAf+VhEY/7Uw3zZvguGQSdF1cxzRHiMTOha5eFo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUMib9z4ZYBcQANTVvVCa3KoTGbBUwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaQAwZgIxAPIU/zlJiJrxn6oTWNdEAD/YBSnhyxcvpq1D2DzFy8E8hbkEfMZPErYL7HyoL/BkdwIxAN9KDEKyktEUBrfHehfcLAzI2kERJx+8DSslXswOIbLaeqYfWsmrQAt5C0X/nOWxXA==',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-10-07T00:00:00Z',
                end: '2025-06-19T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKTCCAbCgAwIBAgIUU7Y2PESb8FK88XCRQvI2rKDB5skwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI1MDUyNzAwMDAwMFoXDTI2MDUyNzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEevMuOTGccTTXLu65xinRJP4gxkOemyAPCmUXEvhXKtLd+aDgN87PI0QxutOmPuQD2dLZVfxQmt5lvwJpUDIVYkKpH3mDxYbF6MJPMbq+A/EhkMaOS2+mcJRJdY2uam0Vo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU8tE1L3b7FV3qJKzSqy1w97vPt6AwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDZwAwZAIwSIsnfcDIvp+9SGBe9Es4xLDgZ6/B3wtODu+jtNUznQFPw1/WHa3iBMp3vYPkIqZDAjBBD4AKu166Hg7tDd5E8ckSCNNDkXD0Q7Xdl4yujgqv0goVMeOgRA1pKDGszhunjAQ=',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-05-27T00:00:00Z',
                end: '2025-12-09T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKjCCAbCgAwIBAgIUNansGfOzaol+jXgh/wsz0X36zTMwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI1MTExMzAwMDAwMFoXDTI2MTExMzAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE24Un0srydTqXkWtrVrNdgPRNa1cCZqBRpFImYqItuVs/mszkn+RSlwcMzg/LwphU84qwA8Xv2z8ZaIETHspoQgMO4dP5zhJ5W8M+9crL1kR4Co2vS3TJZF9Qpsg+HiTro3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUGO6KtZB8c9gbXS2uNF3tXCtFNhEwHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaAAwZQIxALmOdTRy/SiOc+QSf+eAPz24xWGhMryvNpyNvBZDeyqthC9KaMKmX+kHwJ0A6/bTXQIwE1mPbkH6tBXuWxlR/2Bj7UZ3MADlHSYGQUjpHMdQqJk17UVBywad5U6uA/f0pFdU',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-11-13T00:00:00Z',
                end: '2026-07-13T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'fulcio.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICKjCCAbCgAwIBAgIUCZdc6761A2K2ny11d+8tvDIlBuAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMB4XDTI2MDYxMjAwMDAwMFoXDTI3MDYxMjAwMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwyMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8K+awztD1Q48OQsI2PzffEwHJxdHoKneYSSRgnG6VCk0RlZWeVHM7EwpsDMgMMz98IrRqVBAjxSt7fs39rz6NUKG3T26Khv0gmzuJ1xG0j0BmK0j0kkfRvzYpQKv108to3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUgeNOwb9e7ggupu+PZL6nr0Wgm88wHwYDVR0jBBgwFoAUwOG4UqRLTz7eejgRBs9JjqFFmzMwCgYIKoZIzj0EAwMDaAAwZQIweEGv0C3qXaA2+oPahLsBzRA2C5+oWNE5Jq1Qpqrn0QeDCSY5eCKzwFjVa5eICks5AjEAsifahLxtAiHc0I2SWHYX3s3sfOLPArgK6oBM0hKbIMCOokEUhss67N06KOuV2rqQ',
                    },
                    {
                        rawBytes: 'MIICFTCCAZugAwIBAgIUD3Jlqt4qhrcZI4UnGfPGrEq/pjQwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDkxMTEyMDAwMFoXDTI4MDkwOTEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZGdWxjaW8gSW50ZXJtZWRpYXRlIGwxMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE7X7nK0wC7uEmDjW+on0sXIX3FacL3hhcrhneA+M/kl1OtvQiPmFrH9lbUQqOj/AfspJ8uGY3jaq8WuSg6ghatzYfuuzLAJIK4nGpCBafncF8EynOssPq64/Dz+JUWXqlo2YwZDAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBATAdBgNVHQ4EFgQUwOG4UqRLTz7eejgRBs9JjqFFmzMwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAI8HWLrke7uzhOpwlD1cNixPmoX9XFKe7bEPozo0D+vKi0Gt6VlC7xPedFIw4/AypAIwQP+FGRWvfx0IAH5/n0aRiN7/LVpyFA5RkJASZOVOib2Y8pNuhXa9V3ZbWO6v6kW/',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2026-06-12T00:00:00Z',
            },
        },
    ],
    timestampAuthorities: [
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICHDCCAaGgAwIBAgIUNDVlmtZuvoujn4KwiC/oxIr8hxAwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTIzMDgzMTEyMDAwMFoXDTI0MDgzMDEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEV/zJhNTdu0Fa9hGCUih/JvqEoE81tEWrAVwUXXhdRgIY9hIFErLhNo6sSOpV9d7Zuy0KWMHhcimCUr41a1732ByVRy3f+Z4QhqpsgFMh5b5J90HJLK7HOyUZjehAnvSno3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUGwE6T5ZIh6lY9wP6vt42UHyVMewwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaQAwZgIxAJo48LtrSsn0UmLtqGiUKg2EUvso+aDN5EyjpvMmobZ/Oq9zjnR7Of369hoABW4/1gIxANg5ZW4FqijhsXnA3md6jM9yLrLCI9QL+KnuZnXq6WgAcNQaAN7PNNjVDKV3iJEklw==',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2023-10-27T16:30:00Z',
                end: '2024-05-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUPPgn6ner1PU/75CQ+62fdBuazaAwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI0MDUxMzAwMDAwMFoXDTI1MDUxMzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEA0pG1mAC4qafk1JJuOoIvhnMME9XmBDxjGFreDLnyzaexIzRw+UHUFy8C2gE6Me+0tIGQt4Ftbu66NGmfvBkR6boPMYQSU2O5X5ykZBm/9LR/Aqz0lgmBy/OlXvTJjglo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUDa4GVhd97Z2V8kiVl9DB0kC53CMwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwEQHd++b7IBAAuqT2/1i/wXf1WM2XrkFF6qd1c3kFcBVvdLQyJ5KoyNUHnfCCVJROAjEA+FoASOEcARlU6RqVcif9JthHwzh6nNwz0AfAHvO8xantN/7HjiLmFrFEGR/g0kN/',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-05-13T00:00:00Z',
                end: '2024-10-25T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUH7swiMTn+svhcDh80OeZccDTj7AwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI0MTAwNDEyMDAwMFoXDTI1MTAwNDEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEM7jdYNBTeD6hjym2/y73b50u2AFQsf8305Sr1NleOqamH9aWt6obhJQH3NoNUw9iFzHcDvafYWQFMu7SmOxS5n3aqwwfR8oJxKnEl36uCmGB+8TXS3B76SVTHEhG5rzOo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUQvz9YbWX3S6a+jruBkhRBiE2RCkwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIxAI4dhu5iyx/g+z1vKAAWvHtebl1ZwsC+Vwgjm6Ttlq5yLNHHvYEnJ/h15Qv2IuXvdgIwZ8H/iy4lXsFJdFYSsB1/zavl24EgxSzxK/pCpihXMetYYDA/lX3xMyquisMx45rN',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2024-10-07T00:00:00Z',
                end: '2025-06-19T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUaaAaeAO3NzYXR/muq5YMnGY34IUwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI1MDUyNzAwMDAwMFoXDTI2MDUyNzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEAjyAb+jWITMjkgbjWC02N05Zf5/kPs73ICf5/8lHSyHnoqqItP2z3fkMpWiRpelX8eIjzCjZ0Zht+DpGxtJUNh5jMa+fFv2qoDLGbnQ17DXKXCr9nWHF4vCMflHZK5JHo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUyvAcv8s1s37A/IWZAwdEptzjfWIwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwMnoHA4qDtR3eRohUIhvHGG70xT9XMfEnuj0kRvi9wu9VumL4pXqz1ktJgTBm6DrYAjEA5SYnRfUm2yAYmGEkJr9RvSCV9O7X+fL8KqfM4TOPrXJLMERQjhRXbWZ4DjxvifnF',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-05-27T00:00:00Z',
                end: '2025-12-09T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUHiljSG9Nx/Qf/gPpl7V1kyRh/jYwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI1MTExMzAwMDAwMFoXDTI2MTExMzAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEG1ZUJgbtNpInC7jR9hi4OMWK5yF5VeRpmCs6ADS5lx23MEHo3ek32O123e3YwH+J3F9Vbpd7ePQHnpdc6tsBcQ/y/NPw2Vf+VwMI/E35C5/3Y9A5kRXq9CFXC1bU6Fj6o3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUXa9JaNrcN+1Je5aHEemVnH2XXtMwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIwJyVOay8lriDg4Up0VFWc/o19mzuQeoEItzM2dG50eXF4KbPo9zfdviS3D6StPFRGAjEA5IHCXJ8qP8CsAsQmT3IPimUTAvDNJZI4GFIxs+od/R/EUHGu4NxuwPX3A1ZnJP7z',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2025-11-13T00:00:00Z',
                end: '2026-07-13T00:00:00Z',
            },
        },
        {
            subject: {
                organization: 'GitHub, Inc.',
                commonName: 'Internal Services Root',
            },
            uri: 'timestamp.githubapp.com',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGzCCAaGgAwIBAgIUFzPb1un+DvofqFPzAXiB5slHM1IwCgYIKoZIzj0EAwMwMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMB4XDTI2MDYxMjAwMDAwMFoXDTI3MDYxMjAwMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgVGltZXN0YW1waW5nMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAETpok7Tndv57l0YnFjKL+VpcusM8A2xgbTdV353wW8IynvsLTGAjF1BNS4x80TDKHbXxN3jSoSId1u1c3sCWpuEqHB1bbBqCfrlslNn6hyWzhwtiqRLE4LM0T+RPclKQCo3gwdjAOBgNVHQ8BAf8EBAMCB4AwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUu/GnSzNLJ4IjG9elW5L5a/W61JMwHwYDVR0jBBgwFoAUdh+GTP65aetHLVLs9hdhGgDIKIwwFgYDVR0lAQH/BAwwCgYIKwYBBQUHAwgwCgYIKoZIzj0EAwMDaAAwZQIxANGz5WZBgyZqGnuhr0gDhUW2s4ZXkJ1CMUaFzynjsQ0/8WZghN7Jh04vmT4Vl8y9zgIwJeBHIZNDZtjzDQB0UC+7im4snua3zsBrRbsEtWnqQhDzyT580H/uF4EVQN2kUUtZ',
                    },
                    {
                        rawBytes: 'MIICJDCCAaqgAwIBAgIUckXVHpiw7iJY1V/jY8LYLj5TgqAwCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTI4MDgwNTEyMDAwMFowMjEVMBMGA1UEChMMR2l0SHViLCBJbmMuMRkwFwYDVQQDExBUU0EgaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEISv96hTQ58QroEzzu4K+o9p8YkwDCBia2U7Y+VBNbOG/w1mLRibve9hSeUE1FSyLBMkiFSSm6MexcsbjyqOoNtRxuMinyYt6DSEox+/It2s/bTPyNAN0QP0DCQQOpnTZo3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwgwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQUdh+GTP65aetHLVLs9hdhGgDIKIwwHwYDVR0jBBgwFoAUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaAAwZQIxAIhf+2E5W2yOb/fCDAjhL/G/jerf74M0tG/zyo32U2keawxkzZosDdwnPaHaGLynAQIwa8nr3en4fZz1AdOZm6nK5hr1qK2F94nifgnAJ/WeT0fZnK/oHan0R28x363qYuYH',
                    },
                    {
                        rawBytes: 'MIIB9TCCAXqgAwIBAgIUNFryA06EHDIcd5EIbe8swbl9OY4wCgYIKoZIzj0EAwMwODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MB4XDTIzMDgwNzEyMDAwMFoXDTMzMDgwNDEyMDAwMFowODEVMBMGA1UEChMMR2l0SHViLCBJbmMuMR8wHQYDVQQDExZJbnRlcm5hbCBTZXJ2aWNlcyBSb290MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEXYaXx4H0oNuVP/2cfydA3oaafvvkkkgb5hbL8/j/BO25S7uTmDOCA5e4QLLWCKFuc+xp2j14tCH4WmHzMUDvf2tXtInVliY5wZgQMM9L6klo/IwA9x4omdcjnT+kKJAjo0UwQzAOBgNVHQ8BAf8EBAMCAQYwEgYDVR0TAQH/BAgwBgEB/wIBAjAdBgNVHQ4EFgQUfFJ5/6rhfHEZPnXAhrQLhGkJJMwwCgYIKoZIzj0EAwMDaQAwZgIxAPzXsV+eokrqOHSQZH/XhhHE1slOscKy3DQpYpYJ1AWmJ2lJu/XOmubBX5s7apllUwIxALw2Ts8CDACiK42UymC8fk6sbNfoXUAWqdyKTVt2Lst+wNdkRniGvx7jT65BKTkcsQ==',
                    },
                ],
            },
            validFor: {
                start: '2026-06-12T00:00:00Z',
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/evidence/trust/public-good.ts
/**
 * The Sigstore public-good trusted root (Fulcio CAs, Rekor v1 and v2 logs, CT logs, Sigstore TSA), as
 * served by tuf-repo-cdn.sigstore.dev.
 *
 * Copied verbatim (as data) from sigstore/sigstore-rust
 * crates/sigstore-trust-root/src/trusted_root.json
 * at commit 948c31788666372867657203618d84848443eb7d. Licensed under the Apache License, Version 2.0;
 * see LICENSE-sigstore-rust beside this file. Embedded so that verification needs no network: refresh it
 * from that file (or from the TUF repository it mirrors) when the CA, log or TSA keys rotate.
 */
const PUBLIC_GOOD_TRUSTED_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
        {
            baseUrl: 'https://rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwrkBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-01-12T11:53:27Z',
                },
            },
            logId: {
                keyId: 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=',
            },
        },
        {
            baseUrl: 'https://log2025-1.rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=',
                keyDetails: 'PKIX_ED25519',
                validFor: {
                    start: '2025-09-23T00:00:00Z',
                },
            },
            logId: {
                keyId: 'zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=',
            },
        },
    ],
    certificateAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore',
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIIB+DCCAX6gAwIBAgITNVkDZoCiofPDsy7dfm6geLbuhzAKBggqhkjOPQQDAzAqMRUwEwYDVQQKEwxzaWdzdG9yZS5kZXYxETAPBgNVBAMTCHNpZ3N0b3JlMB4XDTIxMDMwNzAzMjAyOVoXDTMxMDIyMzAzMjAyOVowKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTB2MBAGByqGSM49AgEGBSuBBAAiA2IABLSyA7Ii5k+pNO8ZEWY0ylemWDowOkNa3kL+GZE5Z5GWehL9/A9bRNA3RbrsZ5i0JcastaRL7Sp5fp/jD5dxqc/UdTVnlvS16an+2Yfswe/QuLolRUCrcOE2+2iA5+tzd6NmMGQwDgYDVR0PAQH/BAQDAgEGMBIGA1UdEwEB/wQIMAYBAf8CAQEwHQYDVR0OBBYEFMjFHQBBmiQpMlEk6w2uSu1KBtPsMB8GA1UdIwQYMBaAFMjFHQBBmiQpMlEk6w2uSu1KBtPsMAoGCCqGSM49BAMDA2gAMGUCMH8liWJfMui6vXXBhjDgY4MwslmN/TJxVe/83WrFomwmNf056y1X48F9c4m3a3ozXAIxAKjRay5/aj/jsKKGIkmQatjI8uupHr/+CxFvaJWmpYqNkLDGRU+9orzh5hI2RrcuaQ==',
                    },
                ],
            },
            validFor: {
                start: '2021-03-07T03:20:29Z',
                end: '2022-12-31T23:59:59.999Z',
            },
        },
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore',
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGjCCAaGgAwIBAgIUALnViVfnU0brJasmRkHrn/UnfaQwCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMjA0MTMyMDA2MTVaFw0zMTEwMDUxMzU2NThaMDcxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEeMBwGA1UEAxMVc2lnc3RvcmUtaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8RVS/ysH+NOvuDZyPIZtilgUF9NlarYpAd9HP1vBBH1U5CV77LSS7s0ZiH4nE7Hv7ptS6LvvR/STk798LVgMzLlJ4HeIfF3tHSaexLcYpSASr1kS0N/RgBJz/9jWCiXno3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU39Ppz1YkEZb5qNjpKFWixi4YZD8wHwYDVR0jBBgwFoAUWMAeX5FFpWapesyQoZMi0CrFxfowCgYIKoZIzj0EAwMDZwAwZAIwPCsQK4DYiZYDPIaDi5HFKnfxXx6ASSVmERfsynYBiX2X6SJRnZU84/9DZdnFvvxmAjBOt6QpBlc4J/0DxvkTCqpclvziL6BCCPnjdlIB3Pu3BxsPmygUY7Ii2zbdCdliiow=',
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUALZNAPFdxHPwjeDloDwyYChAO/4wCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMTEwMDcxMzU2NTlaFw0zMTEwMDUxMzU2NThaMCoxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjERMA8GA1UEAxMIc2lnc3RvcmUwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAT7XeFT4rb3PQGwS4IajtLk3/OlnpgangaBclYpsYBr5i+4ynB07ceb3LP0OIOZdxexX69c5iVuyJRQ+Hz05yi+UF3uBWAlHpiS5sh0+H2GHE7SXrk1EC5m1Tr19L9gg92jYzBhMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRYwB5fkUWlZql6zJChkyLQKsXF+jAfBgNVHSMEGDAWgBRYwB5fkUWlZql6zJChkyLQKsXF+jAKBggqhkjOPQQDAwNpADBmAjEAj1nHeXZp+13NWBNa+EDsDP8G1WWg1tCMWP/WHPqpaVo0jhsweNFZgSs0eE7wYI4qAjEA2WB9ot98sIkoF3vZYdd3/VtWB5b9TNMea7Ix/stJ5TfcLLeABLE4BNJOsQ4vnBHJ',
                    },
                ],
            },
            validFor: {
                start: '2022-04-13T20:06:15Z',
            },
        },
    ],
    ctlogs: [
        {
            baseUrl: 'https://ctfe.sigstore.dev/test',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbfwR+RJudXscgRBRpKX1XFDy3PyudDxz/SfnRi1fT8ekpfBd2O1uoz7jr3Z8nKzxA69EUQ+eFCFI3zeubPWU7w==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-03-14T00:00:00Z',
                    end: '2022-10-31T23:59:59.999Z',
                },
            },
            logId: {
                keyId: 'CGCS8ChS/2hF0dFrJ4ScRWcYrBY9wzjSbea8IgY2b3I=',
            },
        },
        {
            baseUrl: 'https://ctfe.sigstore.dev/2022',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiPSlFi0CmFTfEjCUqF9HuCEcYXNKAaYalIJmBZ8yyezPjTqhxrKBpMnaocVtLJBI1eM3uXnQzQGAJdJ4gs9Fyw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2022-10-20T00:00:00Z',
                },
            },
            logId: {
                keyId: '3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4=',
            },
        },
    ],
    timestampAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore-tsa-selfsigned',
            },
            uri: 'https://timestamp.sigstore.dev/api/v1/timestamp',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICEDCCAZagAwIBAgIUOhNULwyQYe68wUMvy4qOiyojiwwwCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMC4xFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEVMBMGA1UEAxMMc2lnc3RvcmUtdHNhMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE4ra2Z8hKNig2T9kFjCAToGG30jky+WQv3BzL+mKvh1SKNR/UwuwsfNCg4sryoYAd8E6isovVA3M4aoNdm9QDi50Z8nTEyvqgfDPtTIwXItfiW/AFf1V7uwkbkAoj0xxco2owaDAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFIn9eUOHz9BlRsMCRscsc1t9tOsDMB8GA1UdIwQYMBaAFJjsAe9/u1H/1JUeb4qImFMHic6/MBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMAoGCCqGSM49BAMDA2gAMGUCMDtpsV/6KaO0qyF/UMsX2aSUXKQFdoGTptQGc0ftq1csulHPGG6dsmyMNd3JB+G3EQIxAOajvBcjpJmKb4Nv+2Taoj8Uc5+b6ih6FXCCKraSqupe07zqswMcXJTe1cExvHvvlw==',
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUV7f0GLDOoEzIh8LXSW80OJiUp14wCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMDkxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEgMB4GA1UEAxMXc2lnc3RvcmUtdHNhLXNlbGZzaWduZWQwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQUQNtfRT/ou3YATa6wB/kKTe70cfJwyRIBovMnt8RcJph/COE82uyS6FmppLLL1VBPGcPfpQPYJNXzWwi8icwhKQ6W/Qe2h3oebBb2FHpwNJDqo+TMaC/tdfkv/ElJB72jRTBDMA4GA1UdDwEB/wQEAwIBBjASBgNVHRMBAf8ECDAGAQH/AgEAMB0GA1UdDgQWBBSY7AHvf7tR/9SVHm+KiJhTB4nOvzAKBggqhkjOPQQDAwNpADBmAjEAwGEGrfGZR1cen1R8/DTVMI943LssZmJRtDp/i7SfGHmGRP6gRbuj9vOK3b67Z0QQAjEAuT2H673LQEaHTcyQSZrkp4mX7WwkmF+sVbkYY5mXN+RMH13KUEHHOqASaemYWK/E',
                    },
                ],
            },
            validFor: {
                start: '2025-07-04T00:00:00Z',
            },
        },
    ],
};

;// CONCATENATED MODULE: ./src/evidence/sigstore.ts
/**
 * Offline Sigstore verification: trusted roots, the signer-identity policy, and what a verified
 * signing certificate says about the build. Everything here is synchronous and network-free once the
 * trusted root is loaded; @sigstore/verify does the cryptography.
 */







const TRUSTED_ROOT_MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.trustedroot';
/**
 * Builds a TrustRoot from trusted_root.json content. Thresholds follow the root: one transparency-log
 * entry when it lists logs, one SCT when it lists CT logs, else none (GitHub's instance has neither),
 * and always one verified timestamp. The timestamp threshold must never be 0: @sigstore/verify checks
 * the certificate chain once per verified timestamp, so with no timestamps no chain is checked.
 * Throws ConfigurationError naming `name` when the content is not a usable trusted root.
 */
function trustRootFromJSON(json, name) {
    const fix = 'pass a trusted_root.json such as `gh attestation trusted-root` writes';
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new errors/* ConfigurationError */.j1(`not a Sigstore trusted root (expected a JSON object); ${fix}`, name);
    }
    const mediaType = json.mediaType;
    if (typeof mediaType !== 'string' || !mediaType.startsWith(TRUSTED_ROOT_MEDIA_TYPE_PREFIX)) {
        throw new errors/* ConfigurationError */.j1(`not a Sigstore trusted root: mediaType must be ${TRUSTED_ROOT_MEDIA_TYPE_PREFIX}+json;version=0.1, got ${JSON.stringify(mediaType)}; ${fix}`, name);
    }
    let root;
    let material;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
        material = (0,verify_dist/* toTrustMaterial */.jO)(root);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`trusted root has an unreadable key or certificate (${error.message}); ${fix}`, name, { cause: error });
    }
    if (root.certificateAuthorities.length === 0) {
        throw new errors/* ConfigurationError */.j1(`trusted root lists no certificate authorities, so no bundle can verify; ${fix}`, name);
    }
    return {
        name,
        material,
        thresholds: {
            tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
            ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
            timestampThreshold: 1,
        },
    };
}
/**
 * Reads a trusted root file: one JSON object, or JSON lines with one root per line (the format of
 * `gh attestation trusted-root`). A bundle then verifies if it verifies against any of them. Throws
 * ConfigurationError naming the file when it is unreadable or not a trusted root.
 */
async function loadTrustedRoot(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? String(error);
        throw new errors/* ConfigurationError */.j1(`cannot read the trusted root (${code}); check the --trusted-root path`, file);
    }
    try {
        return [trustRootFromJSON(JSON.parse(text), file)];
    }
    catch (error) {
        if (!(error instanceof SyntaxError))
            throw error;
    }
    const roots = [];
    for (const [index, line] of text.split('\n').entries()) {
        if (!line.trim())
            continue;
        let json;
        try {
            json = JSON.parse(line);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`not JSON or JSON lines (${error.message}); pass the trusted_root.json file itself`, `${file}:${index + 1}`);
        }
        roots.push(trustRootFromJSON(json, `${file}:${index + 1}`));
    }
    if (roots.length === 0)
        throw new errors/* ConfigurationError */.j1('the trusted root file is empty', file);
    return roots;
}
let defaults;
/**
 * The roots used when no --trusted-root is given: Sigstore public-good (public repositories) and
 * GitHub's instance (private and internal repositories), both embedded in the build.
 */
function defaultTrustRoots() {
    defaults ??= [
        trustRootFromJSON(PUBLIC_GOOD_TRUSTED_ROOT, 'Sigstore public-good'),
        trustRootFromJSON(GITHUB_TRUSTED_ROOT, 'GitHub'),
    ];
    return defaults;
}
/** Escapes every character that has a meaning in a JavaScript regular expression. */
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A GitHub workflow is pinned by a branch, a tag or a full commit SHA: never a pull-request ref. */
const WORKFLOW_REF = '@(?:refs/(?:heads|tags)/[^\\s]+|[0-9a-f]{40})';
const GITHUB = '^https://github\\.com/';
/**
 * Builds the certificate identity policy from `evidence.provenance`.
 *
 * Security: @sigstore/verify tests `subjectAlternativeName` as a JavaScript RegExp against the SAN,
 * unanchored (`san.match(pattern)`). Passing user text through would let `acme/app` match
 * `https://github.com/evil/acme/app-fork/…`, and a `.` in `release.yml` match any character. So every
 * piece of user text is escaped, every pattern is anchored at both ends (`$` without the `m` flag
 * matches only at the very end in JavaScript), and the parts Glidepath adds are fixed: the
 * `https://github.com/` prefix, `/.github/workflows/` for a repository, and a ref that is a branch, a
 * tag or a 40-hex commit (a workflow run from a pull-request ref is not a release signer). When more
 * than one of certIdentity, signerWorkflow and signerRepo is set, the SAN must satisfy all of them
 * (each as a lookahead). Matching is case-sensitive, as Fulcio writes the SAN from the OIDC token.
 */
function identityPolicy(policy) {
    const parts = [];
    if (policy.certIdentity !== undefined) {
        parts.push({
            pattern: `^${escapeRegExp(policy.certIdentity)}$`,
            expected: policy.certIdentity,
            field: 'certIdentity',
        });
    }
    if (policy.signerWorkflow !== undefined) {
        parts.push({
            pattern: `${GITHUB}${escapeRegExp(policy.signerWorkflow)}${WORKFLOW_REF}$`,
            expected: `https://github.com/${policy.signerWorkflow}@<branch, tag or commit>`,
            field: 'signerWorkflow',
        });
    }
    if (policy.signerRepo !== undefined) {
        parts.push({
            pattern: `${GITHUB}${escapeRegExp(policy.signerRepo)}/\\.github/workflows/[^@/]+${WORKFLOW_REF}$`,
            expected: `https://github.com/${policy.signerRepo}/.github/workflows/<any workflow>@<branch, tag or commit>`,
            field: 'signerRepo',
        });
    }
    if (parts.length === 0)
        return { issuer: policy.issuer };
    return {
        issuer: policy.issuer,
        subjectAlternativeName: {
            pattern: parts.length === 1 ? parts[0].pattern : parts.map((part) => `(?=${part.pattern})`).join(''),
            expected: parts.map((part) => part.expected).join(' and '),
            fields: parts.map((part) => part.field),
        },
    };
}
/** Fulcio certificate extensions (sigstore/fulcio docs/oid-info.md). */
const FULCIO_OID = {
    issuerV1: '1.3.6.1.4.1.57264.1.1',
    issuer: '1.3.6.1.4.1.57264.1.8',
    buildSignerUri: '1.3.6.1.4.1.57264.1.9',
    runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
    sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
    sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
    sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
};
/** Reads the Fulcio extensions of a leaf certificate. */
function readCertificateIdentity(certificate) {
    const v2 = (oid) => utf8Extension(certificate, oid);
    return {
        subjectAlternativeName: certificate.subjectAltName,
        // The same precedence as @sigstore/verify: the DER-encoded .8, else the raw legacy .1.
        issuer: v2(FULCIO_OID.issuer) ?? rawExtension(certificate, FULCIO_OID.issuerV1),
        runnerEnvironment: v2(FULCIO_OID.runnerEnvironment),
        sourceRepository: v2(FULCIO_OID.sourceRepositoryUri),
        sourceDigest: v2(FULCIO_OID.sourceRepositoryDigest),
        sourceRef: v2(FULCIO_OID.sourceRepositoryRef),
        buildSignerUri: v2(FULCIO_OID.buildSignerUri),
    };
}
/**
 * The string in a "V2" Fulcio extension: the extnValue must be exactly one DER UTF8String. Anything
 * else (a second copy of the extension, trailing bytes, another type) reads as absent, so a policy
 * that requires the value fails instead of trusting an ambiguous certificate.
 */
function utf8Extension(certificate, oid) {
    const copies = certificate.extensions.filter((extension) => extension.subs[0]?.toOID() === oid);
    if (copies.length !== 1)
        return undefined;
    const value = certificate.extension(oid)?.value;
    if (!value || value.length < 2 || value[0] !== 0x0c)
        return undefined;
    const first = value[1];
    // DER length: short form below 128, else 0x81/0x82 followed by one or two length bytes.
    const lengthBytes = first & 0x80 ? first & 0x7f : 0;
    if (first === 0x80 || lengthBytes > 2 || value.length < 2 + lengthBytes)
        return undefined;
    const length = lengthBytes ? value.readUIntBE(2, lengthBytes) : first;
    const offset = 2 + lengthBytes;
    if (offset + length !== value.length)
        return undefined;
    return value.subarray(offset).toString('utf8');
}
function rawExtension(certificate, oid) {
    return certificate.extension(oid)?.value.toString('ascii');
}
/**
 * Verifies a bundle offline: timestamps, certificate chain, transparency-log entries (when the root
 * has logs), the signature over the DSSE envelope and, when `policy` is given, the signer identity.
 * The bundle verifies if it verifies against any root; when all fail, the error from the root that
 * got furthest is reported. The in-toto statement inside is not read here.
 */
function verifyBundle(bundle, roots, policy) {
    let entity;
    try {
        entity = (0,verify_dist/* toSignedEntity */.DC)(bundle);
    }
    catch (error) {
        return { verified: false, reason: `the bundle ${describeBundleError(error)}`, wrongSigner: false };
    }
    if (entity.key.$case !== 'certificate') {
        return {
            verified: false,
            reason: `it is signed with a bare public key (hint "${entity.key.hint}"), which no trusted root vouches for; attest keyless with a Sigstore certificate (actions/attest-build-provenance)`,
            wrongSigner: false,
        };
    }
    const certificate = entity.key.certificate;
    const libraryPolicy = policy && {
        extensions: { issuer: policy.issuer },
        ...(policy.subjectAlternativeName && { subjectAlternativeName: policy.subjectAlternativeName.pattern }),
    };
    const failures = [];
    for (const root of roots) {
        try {
            new verify_dist/* Verifier */.BL(root.material, root.thresholds).verify(entity, libraryPolicy);
            return { verified: true, root: root.name, identity: readCertificateIdentity(certificate) };
        }
        catch (error) {
            // @sigstore/verify checks the policy last, after timestamps, chain, logs and signature: a
            // PolicyError means this root vouches for the certificate and only the identity is wrong.
            if (error instanceof verify_dist/* PolicyError */.pn && policy) {
                return { verified: false, reason: describeWrongSigner(certificate, policy), wrongSigner: true };
            }
            failures.push(error);
        }
    }
    const tried = roots.map((root) => root.name).join(', ');
    return {
        verified: false,
        reason: `${describeVerificationError(furthest(failures))} (trusted roots tried: ${tried})`,
        wrongSigner: false,
    };
}
/** How far @sigstore/verify's Verifier.verify got before each error: timestamps, key, logs, signature. */
const STAGE = {
    TIMESTAMP_ERROR: 1,
    CERTIFICATE_ERROR: 2,
    PUBLIC_KEY_ERROR: 2,
    TLOG_ERROR: 3,
    TLOG_BODY_ERROR: 3,
    TLOG_INCLUSION_PROOF_ERROR: 3,
    TLOG_INCLUSION_PROMISE_ERROR: 3,
    TLOG_MISSING_INCLUSION_ERROR: 3,
    SIGNATURE_ERROR: 4,
};
function furthest(errors) {
    const stage = (error) => (error instanceof verify_dist/* VerificationError */.mk ? (STAGE[error.code] ?? 0) : 0);
    return errors.reduce((best, error) => (stage(error) > stage(best) ? error : best), errors[0]);
}
/** Maps a @sigstore/verify error to one clause a person can act on, with the library's detail. */
function describeVerificationError(error) {
    if (!(error instanceof verify_dist/* VerificationError */.mk || error instanceof verify_dist/* PolicyError */.pn)) {
        const detail = error instanceof Error ? error.message : String(error);
        return `the bundle could not be verified (${detail}); regenerate it, and report a Glidepath bug if it verifies with cosign`;
    }
    const message = error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
    const detail = `${error.code}: ${message}`;
    switch (error.code) {
        case 'SIGNATURE_ERROR':
            return `the signature does not match the signed content (${detail}): the payload or signature was altered after signing; re-attest the artifact from its build`;
        case 'CERTIFICATE_ERROR':
            return `the signing certificate does not chain to a certificate authority of the trusted root at signing time (${detail}); use the trusted root of the Sigstore instance that issued it (--trusted-root)`;
        case 'TIMESTAMP_ERROR':
            return `no transparency log or timestamp authority of the trusted root vouches for when it was signed (${detail}); use the trusted root of the Sigstore instance that issued it (GitHub's for private repositories)`;
        case 'TLOG_ERROR':
            return `it has no transparency-log entry, and the trusted root requires one (${detail}); bundles from GitHub's private-repository instance need GitHub's trusted root`;
        case 'TLOG_BODY_ERROR':
        case 'TLOG_INCLUSION_PROOF_ERROR':
        case 'TLOG_INCLUSION_PROMISE_ERROR':
        case 'TLOG_MISSING_INCLUSION_ERROR':
            return `its transparency-log entry does not match the bundle or is not proven in a trusted log (${detail}): the bundle was altered or comes from a log the trusted root does not list; re-attest the artifact`;
        case 'PUBLIC_KEY_ERROR':
            return `it is signed with a key no trusted root vouches for (${detail}); attest keyless with a Sigstore certificate`;
        case 'UNTRUSTED_SIGNER_ERROR':
            return `the signer is not the one the policy expects (${detail}); check evidence.provenance`;
        default:
            return `verification failed (${detail}); regenerate the bundle`;
    }
}
function describeWrongSigner(certificate, policy) {
    const actual = readCertificateIdentity(certificate);
    if (actual.issuer !== policy.issuer) {
        return actual.issuer === undefined
            ? `its certificate names no OIDC issuer, but evidence.provenance.issuer requires ${policy.issuer}`
            : `its certificate was issued for ${actual.issuer}, but evidence.provenance.issuer requires ${policy.issuer}`;
    }
    const san = policy.subjectAlternativeName;
    const fields = san ? san.fields.map((field) => `evidence.provenance.${field}`).join(' and ') : 'the policy';
    return `signed by ${actual.subjectAlternativeName ?? '(no subject alternative name)'}, but ${fields} expects ${san?.expected ?? 'another signer'}`;
}

;// CONCATENATED MODULE: ./src/evidence/checks/provenance.ts






/**
 * One check per provenance document (a JSON-lines file gives one per line). Only a Sigstore bundle
 * that verifies offline, names the artifact digest as a subject, carries the policy's predicate type
 * and was signed by the policy's identity from the policy's source passes; an unsigned statement
 * about the artifact is at best a warning. Throws ConfigurationError when the trusted root is unusable.
 */
async function checkProvenance(docs, context) {
    const explicitRoots = context.trustedRootFile ? await loadTrustedRoot(context.trustedRootFile) : undefined;
    const roots = () => explicitRoots ?? defaultTrustRoots();
    const identity = identityPolicy(context.policy);
    return docs.map((doc) => {
        const { status, reason } = doc.format === 'sigstore-bundle'
            ? judgeBundle(doc.bundle, doc.file, context, roots(), identity)
            : judgeUnsigned(doc.statement, context);
        return { kind: 'provenance', file: doc.file, status, reason };
    });
}
const fail = (reason) => ({ status: 'fail', reason });
const warn = (reason) => ({ status: 'warn', reason });
function judgeUnsigned(statement, context) {
    const subject = subjectFailure(statement, context.digest);
    if (subject)
        return fail(subject);
    if (statement.predicateType !== context.policy.predicateType) {
        return warn(notBuildProvenance(statement, context));
    }
    const version = versionFailure(statement, context.policy);
    if (version)
        return fail(version);
    return warn(`unsigned: cannot satisfy require: [provenance]; the statement names ${context.digest} but nothing vouches for it: ` +
        'pass the Sigstore bundle from actions/attest-build-provenance (bundle-path) or `gh attestation download`');
}
/**
 * The order decides which reason is printed: bundle structure, then the cryptography (a tampered
 * bundle says so whatever its payload claims), then what the authenticated payload claims (payload
 * type, subject, predicate type, statement version), then who signed it and from where. A statement
 * with another predicate type is only warned about: the signer policy is about build provenance.
 * Verifying twice (without, then with, the identity policy) costs a few milliseconds and keeps the
 * identity check inside @sigstore/verify.
 */
function judgeBundle(json, file, context, roots, identity) {
    let bundle;
    try {
        bundle = (0,dist/* bundleFromJSON */.vw)(json);
    }
    catch (error) {
        return fail(`not a valid Sigstore bundle: ${describeBundleError(error)}`);
    }
    if (bundle.content.$case !== 'dsseEnvelope') {
        return warn('a message-signature bundle signs a file, not an in-toto attestation: not build provenance; ignored');
    }
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.signatures.length !== 1) {
        return fail(`its DSSE envelope carries ${envelope.signatures.length} signatures; a bundle must carry exactly one (sigstore_bundle.proto)`);
    }
    const authentic = verifyBundle(bundle, roots);
    if (!authentic.verified)
        return fail(`does not verify: ${authentic.reason}`);
    if (!isInTotoPayloadType(envelope.payloadType)) {
        return fail(`its DSSE payloadType is ${JSON.stringify(envelope.payloadType)}, not application/vnd.in-toto+json: not an in-toto attestation`);
    }
    let statement;
    try {
        statement = readStatementPayload(envelope.payload, file);
    }
    catch (error) {
        return fail(`its DSSE payload is not an in-toto Statement: ${bareMessage(error)}`);
    }
    const subject = subjectFailure(statement, context.digest);
    if (subject)
        return fail(subject);
    if (statement.predicateType !== context.policy.predicateType) {
        return warn(`${notBuildProvenance(statement, context)} (its signature verified)`);
    }
    const version = versionFailure(statement, context.policy);
    if (version)
        return fail(version);
    const signer = verifyBundle(bundle, roots, identity);
    if (!signer.verified) {
        return fail(signer.wrongSigner ? `wrong signer: ${signer.reason}` : `does not verify: ${signer.reason}`);
    }
    const certificateFailure = sourceFailure(signer.identity, context.policy);
    if (certificateFailure)
        return fail(certificateFailure);
    return { status: 'pass', reason: describePass(statement, signer.identity, signer.root, identity) };
}
/**
 * Every statement, signed or not and whatever its predicate, must be about the artifact: evidence
 * for another digest in the set is a mistake worth stopping for.
 */
function subjectFailure(statement, digest) {
    const matches = statement.subjects.some((subject) => Object.hasOwn(subject.digest, digest.algorithm) && subject.digest[digest.algorithm] === digest.hex);
    if (matches)
        return undefined;
    return `its subjects (${describeSubjects(statement)}) do not include the artifact digest ${digest}: this attestation is about another artifact`;
}
/**
 * The statement version, checked only for build provenance: an SBOM attestation in Statement v0.1
 * (Trivy and cosign still write them) is ignored like any other predicate, not rejected.
 */
function versionFailure(statement, policy) {
    if (statement.type === STATEMENT_V1 || (statement.type === STATEMENT_V01 && policy.allowLegacyStatement)) {
        return undefined;
    }
    if (statement.type === STATEMENT_V01) {
        return `in-toto Statement v0.1 (${STATEMENT_V01}) is accepted only with evidence.provenance.allowLegacyStatement: true; attest with a current tool to get Statement v1`;
    }
    return `unsupported in-toto Statement type ${statement.type}; Glidepath reads ${STATEMENT_V1}`;
}
function describeSubjects(statement) {
    const named = statement.subjects.flatMap((subject) => Object.entries(subject.digest)
        .filter(([algorithm]) => algorithm === 'sha256' || algorithm === 'sha512')
        .map(([algorithm, hex]) => `${algorithm}:${hex}${subject.name ? ` ${subject.name}` : ''}`));
    if (named.length === 0)
        return 'no sha256 or sha512 digest';
    const shown = named.slice(0, 3).join(', ');
    return named.length > 3 ? `${shown} and ${named.length - 3} more` : shown;
}
function notBuildProvenance(statement, { policy }) {
    return `predicateType ${statement.predicateType} is not ${policy.predicateType} (evidence.provenance.predicateType): not build provenance; ignored`;
}
/**
 * Source repository, ref and runner environment, each from the verified signing certificate
 * (Fulcio extensions .12, .14, .11). The predicate says the same things, but it is written by the
 * build itself; the certificate is written by Fulcio from the OIDC token.
 */
function sourceFailure(identity, policy) {
    if (policy.sourceRepository !== undefined) {
        const expected = `https://github.com/${policy.sourceRepository}`;
        if (identity.sourceRepository !== expected) {
            const actual = identity.sourceRepository ??
                'a source repository its certificate does not name (no extension 1.3.6.1.4.1.57264.1.12)';
            return `built from ${actual}, but evidence.provenance.sourceRepository requires ${expected} (read from the signing certificate, not the predicate)`;
        }
    }
    if (policy.sourceRef !== undefined && identity.sourceRef !== policy.sourceRef) {
        const actual = identity.sourceRef ?? 'a ref its certificate does not name (no extension 1.3.6.1.4.1.57264.1.14)';
        return `built from ${actual}, but evidence.provenance.sourceRef requires ${policy.sourceRef} (read from the signing certificate)`;
    }
    if (policy.runnerEnvironment !== 'any' && identity.runnerEnvironment !== policy.runnerEnvironment) {
        const actual = identity.runnerEnvironment
            ? `a ${identity.runnerEnvironment} runner`
            : 'a runner its certificate does not name (no extension 1.3.6.1.4.1.57264.1.11)';
        return `built on ${actual}, but evidence.provenance.runnerEnvironment requires ${policy.runnerEnvironment}; set it to any to accept every runner`;
    }
    return undefined;
}
function describePass(statement, certificate, root, identity) {
    const source = certificate.sourceRepository
        ? `${certificate.sourceRepository}@${certificate.sourceRef ?? '(ref not recorded)'}`
        : '(not recorded in the certificate)';
    const builder = builderId(statement.predicate) ?? '(not named)';
    const anySigner = identity.subjectAlternativeName
        ? ''
        : '; any signer accepted; set evidence.provenance.signerWorkflow';
    return (`signed by ${certificate.subjectAlternativeName ?? '(no SAN)'} (issuer ${certificate.issuer ?? 'not recorded'}); ` +
        `source ${source}; builder ${builder}; verified offline against the ${root} trusted root${anySigner}`);
}
/** `runDetails.builder.id` (SLSA v1) or `builder.id` (SLSA v0.2), for the report only. */
function builderId(predicate) {
    const field = (value, key) => typeof value === 'object' && value !== null && Object.hasOwn(value, key)
        ? value[key]
        : undefined;
    const id = field(field(field(predicate, 'runDetails'), 'builder'), 'id') ?? field(field(predicate, 'builder'), 'id');
    return typeof id === 'string' ? id : undefined;
}
/** A ConfigurationError's message without the `file: ` prefix (the check already names the file). */
function bareMessage(error) {
    if (error instanceof errors/* ConfigurationError */.j1 &&
        error.location &&
        error.message.startsWith(`${error.location}: `)) {
        return error.message.slice(error.location.length + 2);
    }
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/evidence/checks/sbom.ts
/** The SPDX versions Glidepath reads (2.2 is what Trivy writes, 2.3 what Syft and GitHub write). */
const SPDX_VERSIONS = ['2.2', '2.3'];
/**
 * One check per SBOM: fail when it describes another digest, or its spec version is older than
 * policy accepts; pass with the component count otherwise. Whether an absent SBOM warns or rejects
 * is the caller's decision.
 */
function checkSboms(docs, context) {
    return docs.map(({ file, report }) => {
        const artifact = context.digest.toString();
        const label = labelOf(report);
        if (report.subjectDigests.length && !report.subjectDigests.includes(artifact)) {
            return sbom_fail(file, `${label} describes ${report.subjectDigests.join(' or ')} not ${artifact}; generate the SBOM from the admitted digest`);
        }
        const unsupported = versionProblem(report, context.policy.sbom.minCycloneDxVersion);
        if (unsupported)
            return sbom_fail(file, unsupported);
        const components = `${report.componentCount} ${report.componentCount === 1 ? 'component' : 'components'}`;
        const subject = report.subjectDigests.length
            ? `for ${artifact}`
            : `that names no image digest, so it does not show it describes ${artifact}`;
        return { kind: 'sbom', file, status: 'pass', reason: `${label} with ${components} ${subject}` };
    });
}
function versionProblem(report, minCycloneDx) {
    if (report.format === 'cyclonedx') {
        if (compareVersions(report.specVersion, minCycloneDx) >= 0)
            return undefined;
        return (`CycloneDX ${report.specVersion} is older than evidence.sbom.minCycloneDxVersion ${minCycloneDx}; ` +
            'regenerate the SBOM with a current tool (e.g. syft -o cyclonedx-json)');
    }
    if (SPDX_VERSIONS.includes(report.specVersion))
        return undefined;
    return `SPDX ${report.specVersion} is not supported; Glidepath reads SPDX ${SPDX_VERSIONS.join(' and ')} JSON`;
}
/**
 * Compares dotted versions numerically ("1.10" is newer than "1.9"); a part that is not a number
 * ranks below every number, so a malformed version never passes a minimum.
 */
function compareVersions(a, b) {
    const left = a.split('.');
    const right = b.split('.');
    for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
        const x = toPart(left[i]);
        const y = toPart(right[i]);
        if (x !== y)
            return x - y;
    }
    return 0;
}
function toPart(part) {
    if (part === undefined)
        return 0;
    return /^\d+$/.test(part) ? Number(part) : -1;
}
function labelOf(report) {
    return report.format === 'cyclonedx'
        ? `CycloneDX ${report.specVersion} SBOM`
        : `SPDX ${report.specVersion} SBOM`;
}
function sbom_fail(file, reason) {
    return { kind: 'sbom', file, status: 'fail', reason };
}

;// CONCATENATED MODULE: ./src/evidence/formats/pinned-digest.ts

/**
 * A digest written bare (`sha256:…`), after an `@` in an image reference (`alpine@sha256:…`), or as
 * the version of an OCI package URL, where purl percent-encodes the colon
 * (`pkg:oci/alpine@sha256%3A…?arch=amd64`). The digest must end the reference or be followed by
 * purl qualifiers (`?`) or a subpath (`#`), so a digest inside some other text never matches.
 */
const PINNED = /(?:^|@)((?:sha256|sha512)(?::|%3[Aa])[0-9A-Fa-f]+)(?=$|[?#])/;
/**
 * The content digest a reference, purl or bare digest pins, as `sha256:<lowercase hex>`; undefined
 * when the text pins none. Used to find what artifact a report, SBOM or VEX product is about.
 */
function pinnedDigest(text) {
    const match = PINNED.exec(text.trim());
    if (!match?.[1])
        return undefined;
    return image_ref/* Digest */.n.tryParse(match[1].replace(/%3a/i, ':'))?.toString();
}
/** The distinct digests pinned by any of `texts`, in first-seen order. */
function pinnedDigests(texts) {
    const digests = new Set();
    for (const text of texts) {
        const digest = text === undefined ? undefined : pinnedDigest(text);
        if (digest)
            digests.add(digest);
    }
    return [...digests];
}
/** `sha256:<hex>` from a hash value given with its algorithm named separately (CycloneDX, SPDX, OpenVEX). */
function digestOfHash(algorithm, hex) {
    const name = algorithm.toLowerCase().replace(/[-_]/g, '');
    if (name !== 'sha256' && name !== 'sha512')
        return undefined;
    return image_ref/* Digest */.n.tryParse(`${name}:${hex.trim()}`)?.toString();
}

;// CONCATENATED MODULE: ./src/evidence/types.ts
/**
 * The evidence vocabulary: what the format parsers produce and what the checks consume. Parsers
 * only describe what a file says; checks (src/evidence/checks/) judge it against policy.
 */
const EVIDENCE_KINDS = (/* unused pure expression or super */ null && (['tests', 'scan', 'sbom', 'provenance']));
/** Rank for comparison; `none` and `unknown` rank below every failOn value. */
const SEVERITY_RANK = {
    none: 0,
    unknown: 0,
    low: 1,
    medium: 2,
    high: 3,
    critical: 4,
};

;// CONCATENATED MODULE: ./src/evidence/checks/scan.ts


/** Blocking findings named in a reason; the rest are counted. */
const NAMED_FINDINGS = 5;
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'unknown', 'none'];
/**
 * Judges each scan report: it must be about the admitted digest (when it names one), no older than
 * `maxAge`, and hold no finding at or above `failOn` that OpenVEX does not suppress. Every
 * suppression is reported as its own `suppressed` line; VEX statements that look like suppressions
 * but are not (an impact statement without a justification) are reported as `vex` warnings.
 *
 * Security: a VEX statement turns a rejection into an admission, and this function trusts every
 * statement it is given. The caller must pass only VEX documents from the repository's trusted path
 * or from attestations it verified. Matching is therefore kept narrow: a statement must name the
 * vulnerability (or an alias) exactly, and the admitted digest or the finding's own package; a
 * statement pinned to another image never applies here.
 */
function checkScans(scans, vex, context) {
    const statements = vex
        .flatMap(({ file, report }) => report.statements.map((statement) => ({ file, statement })))
        .map((entry, order) => ({ ...entry, order }));
    const vexWarnings = new Map();
    const checks = scans.flatMap((scan) => checkScan(scan, statements, context, vexWarnings));
    return [...checks, ...vexWarnings.values()];
}
function checkScan({ file, report }, statements, context, vexWarnings) {
    const artifact = context.digest.toString();
    const { policy } = context;
    if (report.subjectDigests.length && !report.subjectDigests.includes(artifact)) {
        const named = report.subjectName ? ` (${report.subjectName})` : '';
        return [
            scan_fail(file, `scan report is for ${report.subjectDigests.join(' or ')}${named} not ${artifact}; scan the admitted digest`),
        ];
    }
    const checks = [];
    const stale = staleness(report, context);
    if (stale)
        checks.push(scan_fail(file, stale));
    const threshold = SEVERITY_RANK[policy.scan.failOn];
    const blocking = [];
    let unfixed = 0;
    let suppressed = 0;
    for (const finding of report.findings) {
        if (SEVERITY_RANK[finding.severity] < threshold)
            continue;
        const decisive = decisiveStatement(finding, statements, artifact);
        if (decisive && suppresses(decisive.statement)) {
            suppressed += 1;
            checks.push({ kind: 'scan', file, status: 'suppressed', reason: suppressionReason(finding, decisive) });
            continue;
        }
        if (decisive?.statement.status === 'not_affected' && !vexWarnings.has(decisive)) {
            vexWarnings.set(decisive, unjustifiedWarning(decisive));
        }
        if (policy.scan.ignoreUnfixed && finding.fixAvailable === false)
            unfixed += 1;
        else
            blocking.push(finding);
    }
    const notes = [
        suppressed ? `${suppressed} suppressed by VEX` : '',
        unfixed ? `${unfixed} without a fix ignored (evidence.scan.ignoreUnfixed)` : '',
        report.createdAt ? '' : 'the report has no timestamp, so its age was not checked',
        report.subjectDigests.length
            ? ''
            : `the report names no image digest, so it does not show it scanned ${artifact}`,
    ].filter(Boolean);
    const tail = notes.length ? `; ${notes.join('; ')}` : '';
    if (blocking.length) {
        checks.push(scan_fail(file, `${blockingSummary(blocking, policy.scan.failOn)}${tail}`));
    }
    else if (!stale) {
        checks.push({
            kind: 'scan',
            file,
            status: 'pass',
            reason: `${report.tool}: no findings at or above ${policy.scan.failOn} (${severityCounts(report)})${tail}`,
        });
    }
    return checks;
}
/** Why the report is too old, or undefined when it is fresh enough (or undated: see the notes). */
function staleness(report, { policy, now }) {
    if (!report.createdAt)
        return undefined;
    const age = now.getTime() - report.createdAt.getTime();
    if (age <= policy.maxAge.milliseconds)
        return undefined;
    return (`scan report is ${formatAge(age)} old (created ${report.createdAt.toISOString()}), older than ` +
        `evidence.maxAge ${policy.maxAge}; rescan the digest and pass the new report`);
}
/**
 * The statement that decides a finding: among the statements about the same vulnerability that apply
 * here, the latest by timestamp, then by position in the evidence (a later file or statement wins).
 */
function decisiveStatement(finding, statements, artifact) {
    const names = new Set([finding.id, ...finding.aliases].map((name) => name.toUpperCase()));
    const applicable = statements.filter(({ statement }) => [statement.vulnerability, ...statement.aliases].some((name) => names.has(name.toUpperCase())) &&
        appliesTo(statement, finding, artifact));
    const time = (entry) => entry.statement.timestamp?.getTime() ?? Number.NEGATIVE_INFINITY;
    return applicable.sort((a, b) => time(a) - time(b) || a.order - b.order).at(-1);
}
/**
 * A statement applies when a product names the admitted digest (bare hash, `pkg:oci/…@sha256%3A…`
 * or `image@sha256:…`), narrowed to its subcomponents when it lists them; or when a product or
 * subcomponent purl names the finding's package. A statement whose products are all pinned to other
 * digests is about other images, whatever packages it names.
 */
function appliesTo(statement, finding, artifact) {
    const purl = finding.package?.purl;
    const productDigests = statement.products.map(pinnedDigest).filter((digest) => digest !== undefined);
    if (productDigests.includes(artifact)) {
        if (!statement.subcomponents.length || !purl)
            return true;
        return statement.subcomponents.some((subcomponent) => purlsMatch(subcomponent, purl));
    }
    if (productDigests.length === statement.products.length && productDigests.length > 0)
        return false;
    if (!purl)
        return false;
    return [...statement.products, ...statement.subcomponents].some((id) => purlsMatch(id, purl));
}
/**
 * `fixed`, or `not_affected` with a justification. OpenVEX also allows an impact statement alone,
 * but calls free text "highly discouraged for automated systems": a gate cannot judge prose.
 */
function suppresses(statement) {
    return (statement.status === 'fixed' ||
        (statement.status === 'not_affected' && statement.justification !== undefined));
}
function suppressionReason(finding, { file, statement }) {
    const status = statement.status === 'not_affected'
        ? `not_affected, justification ${statement.justification}`
        : statement.status;
    return `${describeFinding(finding)} suppressed by VEX ${file}: ${statement.vulnerability} is ${status}`;
}
function unjustifiedWarning({ file, statement }) {
    const impact = statement.impactStatement ? ` (impact statement: "${statement.impactStatement}")` : '';
    return {
        kind: 'vex',
        file,
        status: 'warn',
        reason: `${statement.vulnerability} is not_affected without a justification${impact}, so it suppresses nothing; ` +
            'add a justification such as vulnerable_code_not_present',
    };
}
function blockingSummary(blocking, failOn) {
    const named = blocking.slice(0, NAMED_FINDINGS).map(describeFinding).join(', ');
    const more = blocking.length > NAMED_FINDINGS ? ` and ${blocking.length - NAMED_FINDINGS} more` : '';
    const count = `${blocking.length} ${blocking.length === 1 ? 'finding' : 'findings'}`;
    return (`${count} at or above ${failOn}: ${named}${more}; ` +
        'upgrade the packages, or record why they do not apply in an OpenVEX statement');
}
/** `CVE-2019-18224 (critical, libidn2-0 2.0.5-1)`. */
function describeFinding(finding) {
    const pkg = finding.package
        ? `, ${[finding.package.name, finding.package.version].filter(Boolean).join(' ')}`
        : '';
    return `${finding.id} (${finding.severity}${pkg})`;
}
function severityCounts(report) {
    if (!report.findings.length)
        return 'no findings at all';
    const counts = SEVERITY_ORDER.map((severity) => ({
        severity,
        count: report.findings.filter((finding) => finding.severity === severity).length,
    }));
    return counts
        .filter(({ count }) => count > 0)
        .map(({ severity, count }) => `${count} ${severity}`)
        .join(', ');
}
function scan_fail(file, reason) {
    return { kind: 'scan', file, status: 'fail', reason };
}
/** "3d 4h", "5h 12m", "40m": precise enough to compare with a policy limit at a glance. */
function formatAge(milliseconds) {
    const minutes = Math.floor(milliseconds / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days > 0)
        return hours ? `${days}d ${hours}h` : `${days}d`;
    if (hours > 0)
        return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
    return `${minutes}m`;
}
/**
 * Package URLs name the same package when type, namespace and name agree (type ignoring case, the
 * rest after percent-decoding) and, when the VEX side gives a version, the versions agree; a VEX
 * purl without a version speaks for every version. Qualifiers and subpath are ignored: scanners and
 * VEX authors disagree on `?arch=…&distro=…`.
 */
function purlsMatch(vexId, findingPurl) {
    const vex = parsePurl(vexId);
    const found = parsePurl(findingPurl);
    if (!vex || !found)
        return false;
    return (vex.type === found.type &&
        vex.namespace === found.namespace &&
        vex.name === found.name &&
        (vex.version === undefined || vex.version === found.version));
}
function parsePurl(text) {
    if (!text.startsWith('pkg:'))
        return undefined;
    const withoutScheme = text.slice('pkg:'.length).replace(/^\/+/, '');
    const path = withoutScheme.split('#')[0]?.split('?')[0] ?? '';
    const at = path.lastIndexOf('@');
    // An `@` followed by a `/` is an unencoded npm scope (`pkg:npm/@types/node`), not a version.
    const hasVersion = at >= 0 && !path.slice(at + 1).includes('/');
    const segments = (hasVersion ? path.slice(0, at) : path).split('/').filter(Boolean);
    const type = segments.shift()?.toLowerCase();
    const name = segments.pop();
    if (!type || !name)
        return undefined;
    const purl = { type, namespace: segments.map(decode).join('/'), name: decode(name) };
    if (hasVersion)
        purl.version = decode(path.slice(at + 1));
    return purl;
}
function decode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}

;// CONCATENATED MODULE: ./src/evidence/checks/tests.ts
/** Failing cases named in a reason; the report's problem list holds up to 20. */
const NAMED_PROBLEMS = 3;
/**
 * One check per JUnit file: fail when more cases failed or errored than `maxFailed`, when the file
 * holds fewer than `minTotal` cases, or when skipped cases exceed `maxSkippedRatio`; warn when the
 * counted outcomes disagree with the totals the file declares; pass otherwise.
 */
function checkTests(docs, policy) {
    return docs.map(({ file, report }) => {
        const problems = violations(report, policy);
        const counts = countsOf(report);
        if (problems.length)
            return { kind: 'tests', file, status: 'fail', reason: `${problems.join('; ')} (${counts})` };
        const disagreement = disagreementOf(report);
        if (disagreement) {
            return {
                kind: 'tests',
                file,
                status: 'warn',
                reason: `${counts}, but ${disagreement}; check that the runner wrote the whole report`,
            };
        }
        return { kind: 'tests', file, status: 'pass', reason: counts };
    });
}
function violations(report, policy) {
    const problems = [];
    const bad = report.failed + report.errored;
    if (bad > policy.maxFailed) {
        problems.push(`${bad} test ${bad === 1 ? 'case' : 'cases'} failed or errored, more than evidence.tests.maxFailed ` +
            `${policy.maxFailed}: ${namedProblems(report)}`);
    }
    if (report.total < policy.minTotal) {
        problems.push(`the report holds ${report.total} test ${report.total === 1 ? 'case' : 'cases'}, fewer than ` +
            `evidence.tests.minTotal ${policy.minTotal}; pass the report of the full test run`);
    }
    if (policy.maxSkippedRatio !== undefined && report.total > 0) {
        const ratio = report.skipped / report.total;
        if (ratio > policy.maxSkippedRatio) {
            problems.push(`${percent(ratio)} of test cases were skipped, more than evidence.tests.maxSkippedRatio ` +
                `${policy.maxSkippedRatio} (${percent(policy.maxSkippedRatio)})`);
        }
    }
    return problems;
}
function namedProblems(report) {
    const named = report.problems.slice(0, NAMED_PROBLEMS).map((problem) => {
        const name = problem.classname ? `${problem.classname} › ${problem.name}` : problem.name;
        return problem.message
            ? `${name} (${problem.outcome}: ${problem.message})`
            : `${name} (${problem.outcome})`;
    });
    const more = report.failed + report.errored - named.length;
    return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
function countsOf(report) {
    return `${report.passed} passed, ${report.failed} failed, ${report.errored} errored, ${report.skipped} skipped`;
}
/** Declared aggregates that differ from the counts: a hint that the report was cut short or merged. */
function disagreementOf(report) {
    const declared = report.declared;
    if (!declared)
        return undefined;
    const counted = {
        tests: report.total,
        failures: report.failed,
        errors: report.errored,
        skipped: report.skipped,
    };
    const differing = Object.keys(counted)
        .filter((key) => declared[key] !== undefined && declared[key] !== counted[key])
        .map((key) => `${key}="${declared[key]}" (counted ${counted[key]})`);
    return differing.length ? `the report declares ${differing.join(', ')}` : undefined;
}
function percent(ratio) {
    return `${Math.round(ratio * 1000) / 10}%`;
}

// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(75824);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(21928);
;// CONCATENATED MODULE: ./src/evidence/formats/junit.ts

/** At most this many failing cases are kept for the report; the counts still cover them all. */
const MAX_PROBLEMS = 20;
/** Failure messages are often whole stack traces; the report needs the first line. */
const MAX_MESSAGE = 200;
const AGGREGATES = ['tests', 'failures', 'errors', 'skipped'];
/**
 * JUnit XML, which has no specification: Jenkins' junit-4.xsd is the de facto schema, and tools
 * disagree on the aggregates. So outcomes are counted from `testcase` elements at any depth
 * ("a test case is successful unless there is another result element underneath it"), and the
 * aggregates are kept only as hints to flag disagreement.
 */
const junitFormat = {
    name: 'junit',
    recognises(content) {
        return content.syntax === 'xml' && (content.root === 'testsuites' || content.root === 'testsuite');
    },
    parse(content, file) {
        if (content.syntax !== 'xml' || (content.root !== 'testsuites' && content.root !== 'testsuite')) {
            throw new errors/* EvidenceFormatError */.js('JUnit XML: the root element must be <testsuites> or <testsuite>', file);
        }
        const roots = junit_elements(content.document[content.root]);
        const report = {
            format: 'junit',
            total: 0,
            passed: 0,
            failed: 0,
            errored: 0,
            skipped: 0,
            problems: [],
        };
        for (const root of roots)
            countSuite(root, report);
        const declared = declaredTotals(content.root, roots, file);
        if (declared)
            report.declared = declared;
        return { format: 'junit', kind: 'tests', file, report };
    },
};
/** Counts the test cases of a suite and of every suite nested in it. */
function countSuite(suite, report) {
    for (const testcase of children(suite, 'testcase'))
        countCase(testcase, report);
    for (const nested of children(suite, 'testsuite'))
        countSuite(nested, report);
}
function countCase(testcase, report) {
    report.total += 1;
    // A case with several result elements counts once, by the worst of them.
    const failure = children(testcase, 'failure')[0];
    const error = failure === undefined ? children(testcase, 'error')[0] : undefined;
    if (failure !== undefined || error !== undefined) {
        const outcome = failure !== undefined ? 'failure' : 'error';
        if (outcome === 'failure')
            report.failed += 1;
        else
            report.errored += 1;
        if (report.problems.length < MAX_PROBLEMS) {
            const classname = attribute(testcase, 'classname');
            const message = messageOf((failure ?? error));
            report.problems.push({
                name: attribute(testcase, 'name') ?? '',
                ...(classname ? { classname } : {}),
                outcome,
                ...(message ? { message } : {}),
            });
        }
    }
    else if (children(testcase, 'skipped').length > 0) {
        report.skipped += 1;
    }
    else {
        report.passed += 1;
    }
}
/**
 * The root's aggregate attributes. A `<testsuites>` root that declares none (pytest, Trivy) is
 * given the sum of its direct suites' attributes instead, so their claims are still checked.
 */
function declaredTotals(rootName, roots, file) {
    const root = roots[0];
    if (root === undefined)
        return undefined;
    const own = readAggregates(root, rootName, file);
    if (Object.keys(own).length > 0)
        return own;
    if (rootName !== 'testsuites')
        return undefined;
    const summed = {};
    for (const suite of children(root, 'testsuite')) {
        const declared = readAggregates(suite, 'testsuite', file);
        for (const key of AGGREGATES) {
            const value = declared[key];
            if (value !== undefined)
                summed[key] = (summed[key] ?? 0) + value;
        }
    }
    return Object.keys(summed).length ? summed : undefined;
}
function readAggregates(element, name, file) {
    const declared = {};
    for (const key of AGGREGATES) {
        const text = attribute(element, key);
        if (text === undefined || text.trim() === '')
            continue;
        if (!/^\s*\d+\s*$/.test(text)) {
            throw new errors/* EvidenceFormatError */.js(`JUnit XML: <${name} ${key}="${text}">: ${key} must be a whole number; fix the tool's output or pass the report it wrote`, file);
        }
        declared[key] = Number(text);
    }
    return declared;
}
/** The `@_message` attribute, else the first non-empty line of the element's text. */
function messageOf(element) {
    const text = attribute(element, 'message') || textOf(element);
    const line = text
        ?.split('\n')
        .map((part) => part.trim())
        .find(Boolean);
    if (!line)
        return undefined;
    return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}
function junit_elements(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter((item) => typeof item === 'string' || (typeof item === 'object' && item !== null));
}
function children(element, name) {
    return typeof element === 'string' ? [] : junit_elements(element[name]);
}
function attribute(element, name) {
    if (typeof element === 'string')
        return undefined;
    const value = element[`@_${name}`];
    return typeof value === 'string' ? decodeCharacterReferences(value) : undefined;
}
function textOf(element) {
    if (typeof element === 'string')
        return decodeCharacterReferences(element);
    const text = element['#text'];
    if (typeof text === 'string')
        return decodeCharacterReferences(text);
    // With isArray on every non-attribute node, fast-xml-parser may also hand text over as an array.
    if (Array.isArray(text))
        return decodeCharacterReferences(text.filter((part) => typeof part === 'string').join('\n'));
    return undefined;
}
/**
 * XML numeric character references (`&#10;`, `&#x41;`). fast-xml-parser 5 decodes them only with
 * `htmlEntities`, which the shared options leave off, and Surefire and pytest write newlines in
 * messages this way.
 */
function decodeCharacterReferences(text) {
    return text.replace(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g, (reference, hex, decimal) => {
        const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
        return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    });
}

;// CONCATENATED MODULE: ./src/evidence/formats/sarif.ts


const sarif_FORMAT = 'SARIF';
const LEVELS = ['none', 'note', 'warning', 'error'];
/**
 * SARIF level → severity, used when the rule carries no usable `security-severity`. The issue says
 * "SARIF: level `error` or security-severity bands", so `error` maps to `high`: the default
 * `failOn: high` then rejects every error-level result, and `warning` stays below it.
 *
 * | level   | severity |
 * |---------|----------|
 * | error   | high     |
 * | warning | medium   |
 * | note    | low      |
 * | none    | none     |
 */
const LEVEL_SEVERITY = {
    error: 'high',
    warning: 'medium',
    note: 'low',
    none: 'none',
};
/** Vulnerability ids inside rule ids such as grype's `CVE-1999-0001-package-1`, for VEX matching. */
const VULNERABILITY_ID = /\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;
/**
 * SARIF 2.1.0 (OASIS), as written by CodeQL, Trivy, Grype and most static analysers. A result is a
 * finding unless its `kind` says it is not a failure or a suppression was accepted.
 */
const sarifFormat = {
    name: 'sarif',
    recognises(content) {
        return (content.syntax === 'json' &&
            isRecord(content.value) &&
            content.value.version === '2.1.0' &&
            Array.isArray(content.value.runs));
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, sarif_FORMAT);
        root.object();
        const tools = [];
        const subjects = [];
        const names = [];
        const times = [];
        const findings = [];
        for (const run of root.field('runs').array()) {
            run.object();
            const tool = run.field('tool');
            tool.object();
            const driver = tool.field('driver');
            driver.object();
            const version = driver.field('version').optionalString() ?? driver.field('semanticVersion').optionalString();
            tools.push([driver.field('name').string(), version].filter(Boolean).join(' '));
            // Trivy writes the image it scanned into the run's property bag. `imageID` is deliberately not
            // read: it is the config digest, which never equals a manifest digest being admitted.
            const properties = run.field('properties');
            properties.optionalObject();
            subjects.push(...properties.field('repoDigests').optionalStrings());
            const imageName = properties.field('imageName').optionalText();
            if (imageName) {
                names.push(imageName);
                subjects.push(imageName);
            }
            for (const invocation of run.field('invocations').optionalArray()) {
                invocation.object();
                const time = invocation.field('endTimeUtc').optionalDate() ?? invocation.field('startTimeUtc').optionalDate();
                if (time)
                    times.push(time);
            }
            const rules = new RuleTable(driver, tool.field('extensions').optionalArray());
            for (const result of run.field('results').optionalArray()) {
                const finding = readResult(result, rules);
                if (finding)
                    findings.push(finding);
            }
        }
        const report = {
            format: 'sarif',
            tool: tools.join(', '),
            subjectDigests: pinnedDigests(subjects),
            findings,
        };
        // Several runs or invocations: the oldest one decides how old the evidence is.
        if (times.length)
            report.createdAt = new Date(Math.min(...times.map((time) => time.getTime())));
        if (names.length)
            report.subjectName = names.join(', ');
        return { format: 'sarif', kind: 'scan', file, report };
    },
};
/** The rules of a run's driver and extensions, found by index or id as SARIF §3.27.6–7 allow. */
class RuleTable {
    components;
    constructor(driver, extensions) {
        this.components = [driver, ...extensions].map((component) => {
            component.object();
            return component.field('rules').optionalArray();
        });
    }
    /**
     * `ruleIndex` (or `rule.index`) indexes the driver's rules unless `rule.toolComponent.index` names
     * an extension; without a usable index the rule is found by id in the driver, then the extensions.
     */
    find(id, index, extension) {
        const component = extension === undefined ? this.components[0] : this.components[extension + 1];
        const byIndex = index === undefined ? undefined : component?.[index];
        if (byIndex && (id === undefined || byIndex.field('id').value === id))
            return byIndex;
        if (id === undefined)
            return undefined;
        for (const rules of this.components) {
            const found = rules.find((rule) => rule.field('id').value === id);
            if (found)
                return found;
        }
        return undefined;
    }
}
function readResult(result, rules) {
    result.object();
    const kind = result.field('kind').optionalString();
    // §3.27.9: kind absent means "fail"; pass, open, informational, notApplicable and review are not findings.
    if (kind !== undefined && kind !== 'fail')
        return undefined;
    if (isSuppressed(result))
        return undefined;
    const reference = result.field('rule');
    reference.optionalObject();
    const id = result.field('ruleId').optionalString() ?? reference.field('id').optionalString();
    const index = result.field('ruleIndex').optionalNumber() ?? reference.field('index').optionalNumber();
    const extension = reference.field('toolComponent').field('index').optionalNumber();
    const rule = rules.find(id, index === -1 ? undefined : index, extension);
    const ruleId = id ?? rule?.field('id').optionalString() ?? '(no rule id)';
    const { severity, severitySource } = severityOf(result, rule);
    const message = result.field('message');
    message.optionalObject();
    const text = message.field('text').optionalString();
    const finding = {
        id: ruleId,
        aliases: vulnerabilityIdsIn(ruleId),
        severity,
        severitySource,
    };
    const pkg = packageOf(rule, text);
    if (pkg)
        finding.package = pkg;
    const title = rule?.field('shortDescription').field('text').optionalText() ?? firstLine(text);
    if (title)
        finding.title = title;
    return finding;
}
/** §3.34: a suppression counts unless its status is `underReview` or `rejected`. */
function isSuppressed(result) {
    return result
        .field('suppressions')
        .optionalArray()
        .some((suppression) => {
        suppression.object();
        const status = suppression.field('status').optionalString();
        return status === undefined || status === 'accepted';
    });
}
/**
 * GitHub's bands for the rule's `properties["security-severity"]` (a string, "greater than 0.0 up to
 * 10.0"): ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. A value outside (0, 10] is
 * "regarded as having no security severity", so the level decides, as it does for rules without one:
 * reading 0.0 as severity `none` would let a malformed score wave an `error` result through.
 */
function severityOf(result, rule) {
    const field = rule?.field('properties').field('security-severity');
    if (field?.present) {
        const score = typeof field.value === 'number' ? field.value : Number(field.string().trim());
        if (Number.isNaN(score) || (typeof field.value === 'string' && field.value.trim() === '')) {
            field.fail(`must be a number from 0.1 to 10.0 written as a string, got ${JSON.stringify(field.value)}`);
        }
        if (score > 0 && score <= 10) {
            const severity = score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
            return { severity, severitySource: `security-severity ${field.value}` };
        }
    }
    const level = result.field('level');
    if (level.present) {
        const value = level.oneOf(LEVELS);
        return { severity: LEVEL_SEVERITY[value], severitySource: `level ${value}` };
    }
    const ruleLevel = rule?.field('defaultConfiguration').field('level');
    if (ruleLevel?.present) {
        const value = ruleLevel.oneOf(LEVELS);
        return { severity: LEVEL_SEVERITY[value], severitySource: `level ${value} (rule default)` };
    }
    return { severity: LEVEL_SEVERITY.warning, severitySource: 'level warning (SARIF default)' };
}
/**
 * SARIF has no package field. Grype lists the package URL in the rule's `properties.purls`; Trivy
 * writes "Package: NAME\nInstalled Version: VERSION" at the top of every result message.
 */
function packageOf(rule, text) {
    const properties = rule?.field('properties').value;
    const purls = isRecord(properties) && Array.isArray(properties.purls) ? properties.purls : [];
    const purl = purls.length === 1 && typeof purls[0] === 'string' ? purls[0] : undefined;
    const name = text && /^Package: (.+)$/m.exec(text)?.[1]?.trim();
    const version = text && /^Installed Version: (.+)$/m.exec(text)?.[1]?.trim();
    if (name)
        return { name, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
    if (purl)
        return { name: /\/([^/@?#]+)(?:@|$)/.exec(purl)?.[1] ?? purl, purl };
    return undefined;
}
/** CVE and GHSA ids inside a rule id, other than the rule id itself, upper-cased. */
function vulnerabilityIdsIn(ruleId) {
    const ids = new Set(ruleId.match(VULNERABILITY_ID)?.map((id) => id.toUpperCase()));
    ids.delete(ruleId.toUpperCase());
    return [...ids];
}
function firstLine(text) {
    return text
        ?.split('\n')
        .map((line) => line.trim())
        .find(Boolean);
}

;// CONCATENATED MODULE: ./src/evidence/formats/trivy.ts


const trivy_FORMAT = 'Trivy JSON';
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
/**
 * Trivy's JSON report (`trivy image --format json`, SchemaVersion 2; aquasecurity/trivy
 * pkg/types/report.go). Findings are the vulnerabilities, failed misconfigurations and secrets of
 * every result, so the JSON and the SARIF of one scan judge alike. The pre-2021 report, a bare
 * array of results, is not recognised: it names no artifact and no time.
 */
const trivyFormat = {
    name: 'trivy',
    recognises(content) {
        return (content.syntax === 'json' &&
            isRecord(content.value) &&
            typeof content.value.SchemaVersion === 'number' &&
            ('ArtifactName' in content.value || 'Results' in content.value));
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, trivy_FORMAT);
        root.object();
        const findings = [];
        for (const result of root.field('Results').optionalArray()) {
            result.object();
            for (const vulnerability of result.field('Vulnerabilities').optionalArray()) {
                findings.push(readVulnerability(vulnerability));
            }
            for (const misconfiguration of result.field('Misconfigurations').optionalArray()) {
                const finding = readMisconfiguration(misconfiguration);
                if (finding)
                    findings.push(finding);
            }
            for (const secret of result.field('Secrets').optionalArray())
                findings.push(readSecret(secret));
        }
        const metadata = root.field('Metadata');
        metadata.optionalObject();
        const artifactName = root.field('ArtifactName').optionalText();
        const version = root.field('Trivy').field('Version').optionalText();
        // `Metadata.ImageID` is the config digest and is deliberately not a subject: it never equals the
        // manifest digest being admitted. RepoDigests are `repo@sha256:…`, one per registry.
        const report = {
            format: 'trivy',
            tool: version ? `Trivy ${version}` : 'Trivy',
            subjectDigests: pinnedDigests([...metadata.field('RepoDigests').optionalStrings(), artifactName]),
            findings,
        };
        const createdAt = root.field('CreatedAt').optionalDate();
        if (createdAt)
            report.createdAt = createdAt;
        if (artifactName)
            report.subjectName = artifactName;
        return { format: 'trivy', kind: 'scan', file, report };
    },
};
function readVulnerability(vulnerability) {
    vulnerability.object();
    const name = vulnerability.field('PkgName').optionalText();
    const version = vulnerability.field('InstalledVersion').optionalText();
    const identifier = vulnerability.field('PkgIdentifier');
    identifier.optionalObject();
    const purl = identifier.field('PURL').optionalText();
    const { severity, severitySource } = trivy_severityOf(vulnerability.field('Severity'));
    const finding = {
        id: vulnerability.field('VulnerabilityID').string(),
        aliases: vulnerability.field('VendorIDs').optionalStrings(),
        severity,
        severitySource,
        fixAvailable: Boolean(vulnerability.field('FixedVersion').optionalText()),
    };
    if (name)
        finding.package = { name, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
    const title = vulnerability.field('Title').optionalText();
    if (title)
        finding.title = title;
    return finding;
}
/** Only failed checks are findings; `--include-non-failures` adds PASS entries to the same list. */
function readMisconfiguration(misconfiguration) {
    misconfiguration.object();
    const status = misconfiguration.field('Status').optionalString();
    if (status !== undefined && status !== 'FAIL')
        return undefined;
    const shortId = misconfiguration.field('ID').optionalText();
    const id = misconfiguration.field('AVDID').optionalText() ?? misconfiguration.field('ID').string();
    const title = misconfiguration.field('Title').optionalText();
    return {
        id,
        aliases: shortId && shortId !== id ? [shortId] : [],
        ...trivy_severityOf(misconfiguration.field('Severity')),
        ...(title ? { title } : {}),
    };
}
function readSecret(secret) {
    secret.object();
    const title = secret.field('Title').optionalText();
    return {
        id: secret.field('RuleID').string(),
        aliases: [],
        ...trivy_severityOf(secret.field('Severity')),
        ...(title ? { title } : {}),
    };
}
/** Trivy writes severities in capitals; they are compared case-insensitively and stored lowercase. */
function trivy_severityOf(field) {
    const text = field.optionalText();
    if (text === undefined)
        return { severity: 'unknown', severitySource: 'no Severity' };
    const upper = text.toUpperCase();
    if (!SEVERITIES.includes(upper)) {
        field.fail(`must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(text)}`);
    }
    return { severity: upper.toLowerCase(), severitySource: text };
}

;// CONCATENATED MODULE: ./src/evidence/formats/grype.ts


const grype_FORMAT = 'Grype JSON';
/** Grype's title-case severities; `Negligible` has no band of its own and counts as low. */
const SEVERITY = new Map([
    ['negligible', 'low'],
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['critical', 'critical'],
    ['unknown', 'unknown'],
]);
/**
 * What `vulnerability.fix.state` says about a fix. `unknown` and `""` say nothing, so
 * `ignoreUnfixed` never hides those matches.
 */
const FIX_STATE = new Map([
    ['fixed', true],
    ['not-fixed', false],
    ['wont-fix', false],
]);
/** Grype's JSON report (`grype -o json`; anchore/grype grype/presenter/models). */
const grypeFormat = {
    name: 'grype',
    recognises(content) {
        if (content.syntax !== 'json' || !isRecord(content.value) || !('matches' in content.value))
            return false;
        const descriptor = content.value.descriptor;
        return (isRecord(descriptor) && descriptor.name === 'grype') || 'source' in content.value;
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, grype_FORMAT);
        root.object();
        const findings = root
            .field('matches')
            .array()
            .map((match) => readMatch(match));
        const descriptor = root.field('descriptor');
        descriptor.optionalObject();
        const name = descriptor.field('name').optionalText() ?? 'grype';
        const version = descriptor.field('version').optionalText();
        const report = {
            format: 'grype',
            tool: version ? `${name} ${version}` : name,
            subjectDigests: [],
            findings,
        };
        const source = root.field('source');
        source.optionalObject();
        if (source.field('type').optionalString() === 'image') {
            const target = source.field('target');
            target.object();
            const userInput = target.field('userInput').optionalText();
            // The manifest digest is the platform image that was scanned; repoDigests and a pinned
            // userInput carry the digest it was pulled by, which for a multi-platform image is the index.
            // Any of them identifies the scanned image. `imageID` (the config digest) never does.
            report.subjectDigests = pinnedDigests([
                target.field('manifestDigest').optionalText(),
                ...target.field('repoDigests').optionalStrings(),
                userInput,
            ]);
            if (userInput)
                report.subjectName = userInput;
        }
        const createdAt = descriptor.field('timestamp').optionalDate();
        if (createdAt)
            report.createdAt = createdAt;
        return { format: 'grype', kind: 'scan', file, report };
    },
};
function readMatch(match) {
    match.object();
    const vulnerability = match.field('vulnerability');
    vulnerability.object();
    const id = vulnerability.field('id').string();
    const severityField = vulnerability.field('severity');
    const severityText = severityField.optionalText();
    const severity = severityText === undefined
        ? 'unknown'
        : (SEVERITY.get(severityText.toLowerCase()) ??
            severityField.fail(`must be one of Negligible, Low, Medium, High, Critical, Unknown, got ${JSON.stringify(severityText)}`));
    const aliases = match
        .field('relatedVulnerabilities')
        .optionalArray()
        .map((related) => {
        related.object();
        return related.field('id').string();
    })
        .filter((alias) => alias !== id);
    const finding = {
        id,
        aliases: [...new Set(aliases)],
        severity,
        severitySource: severityText ?? 'no severity',
    };
    const fix = vulnerability.field('fix');
    fix.optionalObject();
    const fixAvailable = FIX_STATE.get(fix.field('state').optionalText() ?? '');
    if (fixAvailable !== undefined)
        finding.fixAvailable = fixAvailable;
    const artifact = match.field('artifact');
    artifact.object();
    const version = artifact.field('version').optionalText();
    const purl = artifact.field('purl').optionalText();
    finding.package = {
        name: artifact.field('name').string(),
        ...(version ? { version } : {}),
        ...(purl ? { purl } : {}),
    };
    return finding;
}

;// CONCATENATED MODULE: ./src/evidence/formats/cyclonedx.ts


const cyclonedx_FORMAT = 'CycloneDX JSON';
/** Trivy records the digest an image was pulled by as a property of the subject component. */
const TRIVY_REPO_DIGEST = 'aquasecurity:trivy:RepoDigest';
/** CycloneDX JSON SBOMs (any specVersion; the check judges the version against policy). */
const cycloneDxFormat = {
    name: 'cyclonedx',
    recognises(content) {
        return content.syntax === 'json' && isRecord(content.value) && content.value.bomFormat === 'CycloneDX';
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, cyclonedx_FORMAT);
        root.object();
        const report = {
            format: 'cyclonedx',
            specVersion: root.field('specVersion').string(),
            subjectDigests: [],
            componentCount: countComponents(root.field('components')),
        };
        const metadata = root.field('metadata');
        metadata.optionalObject();
        const subject = metadata.field('component');
        if (subject.optionalObject()) {
            report.subjectDigests = subjectDigests(subject);
            const name = subject.field('name').optionalText();
            if (name)
                report.subjectName = name;
        }
        return { format: 'cyclonedx', kind: 'sbom', file, report };
    },
};
/** Components may nest (`components[].components`); all of them are listed in the SBOM. */
function countComponents(components) {
    return components.optionalArray().reduce((count, component) => {
        component.object();
        return count + 1 + countComponents(component.field('components'));
    }, 0);
}
/**
 * Where real tools put the subject's digest: `hashes` (SHA-256 content), a `pkg:oci/…@sha256%3A…`
 * purl or bom-ref, Trivy's `aquasecurity:trivy:RepoDigest` property, and Syft's `version` (the
 * manifest digest of a container) or a digest-pinned `name` (the user's input). Trivy's
 * `aquasecurity:trivy:ImageID` is the config digest and is deliberately not read.
 */
function subjectDigests(subject) {
    const digests = new Set();
    const add = (digest) => digest && digests.add(digest);
    for (const hash of subject.field('hashes').optionalArray()) {
        hash.object();
        add(digestOfHash(hash.field('alg').string(), hash.field('content').string()));
    }
    for (const key of ['purl', 'bom-ref', 'name']) {
        const text = subject.field(key).optionalString();
        if (text)
            add(pinnedDigest(text));
    }
    if (subject.field('type').optionalString() === 'container') {
        const version = subject.field('version').optionalString();
        if (version)
            add(pinnedDigest(version));
    }
    for (const property of subject.field('properties').optionalArray()) {
        property.object();
        if (property.field('name').optionalString() === TRIVY_REPO_DIGEST) {
            add(pinnedDigest(property.field('value').string()));
        }
    }
    return [...digests];
}

;// CONCATENATED MODULE: ./src/evidence/formats/spdx.ts


const spdx_FORMAT = 'SPDX JSON';
const DOCUMENT = 'SPDXRef-DOCUMENT';
/** SPDX 2.x JSON SBOMs. `specVersion` is the number after `SPDX-` ("2.3"). */
const spdxFormat = {
    name: 'spdx',
    recognises(content) {
        return (content.syntax === 'json' &&
            isRecord(content.value) &&
            typeof content.value.spdxVersion === 'string' &&
            content.value.spdxVersion.startsWith('SPDX-'));
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, spdx_FORMAT);
        root.object();
        const packages = root.field('packages').optionalArray();
        const described = describedIds(root);
        const subjects = packages.filter((pkg) => {
            pkg.object();
            return described.has(pkg.field('SPDXID').optionalString() ?? '');
        });
        const digests = new Set();
        for (const subject of subjects)
            for (const digest of digestsOf(subject))
                digests.add(digest);
        const report = {
            format: 'spdx',
            specVersion: root.field('spdxVersion').string().slice('SPDX-'.length),
            subjectDigests: [...digests],
            componentCount: packages.length,
        };
        const name = subjects[0]?.field('name').optionalText() ?? root.field('name').optionalText();
        if (name)
            report.subjectName = name;
        return { format: 'spdx', kind: 'sbom', file, report };
    },
};
/**
 * The elements the document describes: `SPDXRef-DOCUMENT DESCRIBES x`, `x DESCRIBED_BY
 * SPDXRef-DOCUMENT`, and the older `documentDescribes` list.
 */
function describedIds(root) {
    const ids = new Set(root.field('documentDescribes').optionalStrings());
    for (const relationship of root.field('relationships').optionalArray()) {
        relationship.object();
        const from = relationship.field('spdxElementId').string();
        const type = relationship.field('relationshipType').string();
        const to = relationship.field('relatedSpdxElement').string();
        if (from === DOCUMENT && type === 'DESCRIBES')
            ids.add(to);
        if (to === DOCUMENT && type === 'DESCRIBED_BY')
            ids.add(from);
    }
    return ids;
}
/**
 * A described package's digests: SHA256 checksums, `pkg:oci` purls in externalRefs (Syft writes the
 * colon unencoded), and Trivy's `RepoDigest: repo@sha256:…` attribution text. Trivy's `ImageID:`
 * attribution is the config digest and is deliberately not read.
 */
function digestsOf(pkg) {
    const digests = [];
    for (const checksum of pkg.field('checksums').optionalArray()) {
        checksum.object();
        digests.push(digestOfHash(checksum.field('algorithm').string(), checksum.field('checksumValue').string()));
    }
    for (const reference of pkg.field('externalRefs').optionalArray()) {
        reference.object();
        if (reference.field('referenceType').optionalString() === 'purl') {
            digests.push(pinnedDigest(reference.field('referenceLocator').string()));
        }
    }
    for (const text of pkg.field('attributionTexts').optionalStrings()) {
        if (text.startsWith('RepoDigest:'))
            digests.push(pinnedDigest(text.slice('RepoDigest:'.length)));
    }
    return digests.filter((digest) => digest !== undefined);
}

;// CONCATENATED MODULE: ./src/evidence/formats/openvex.ts


const openvex_FORMAT = 'OpenVEX';
const CONTEXT = 'https://openvex.dev/ns';
const STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'];
/** The justifications OpenVEX defines (v0.0.1 and v0.2.0 agree); anything else is a typo to fix. */
const JUSTIFICATIONS = [
    'component_not_present',
    'vulnerable_code_not_present',
    'vulnerable_code_not_in_execute_path',
    'vulnerable_code_cannot_be_controlled_by_adversary',
    'inline_mitigations_already_exist',
];
/**
 * OpenVEX documents (v0.2.0, and v0.0.1 whose `vulnerability` and `products` were plain strings).
 * Statements come out with the document's defaults applied, so the scan check never looks back at
 * the document.
 */
const openVexFormat = {
    name: 'openvex',
    recognises(content) {
        if (content.syntax !== 'json' || !isRecord(content.value))
            return false;
        const context = content.value['@context'];
        return typeof context === 'string' && context.startsWith(CONTEXT);
    },
    parse(content, file) {
        const root = JsonCursor.root(content.syntax === 'json' ? content.value : undefined, file, openvex_FORMAT);
        root.object();
        const timestamp = root.field('last_updated').optionalDate() ?? root.field('timestamp').optionalDate();
        const defaults = { timestamp, products: root.field('products') };
        const report = {
            format: 'openvex',
            id: root.field('@id').optionalString() ?? '',
            statements: root
                .field('statements')
                .array()
                .map((statement) => openvex_readStatement(statement, defaults)),
        };
        if (timestamp)
            report.timestamp = timestamp;
        const version = readVersion(root.field('version'));
        if (version !== undefined)
            report.version = version;
        return { format: 'openvex', kind: 'vex', file, report };
    },
};
function openvex_readStatement(statement, defaults) {
    statement.object();
    const { name, aliases } = openvex_readVulnerability(statement.field('vulnerability'));
    // A statement without products speaks for the document's (OpenVEX inheritance).
    const productsField = statement.field('products').present ? statement.field('products') : defaults.products;
    const products = [];
    const subcomponents = [];
    for (const product of productsField.optionalArray()) {
        products.push(...identifiersOrString(product));
        if (typeof product.value !== 'string') {
            subcomponents.push(...product.field('subcomponents').optionalArray().flatMap(identifiersOrString));
        }
    }
    // v0.0.1 listed subcomponents beside the products, as strings.
    subcomponents.push(...statement.field('subcomponents').optionalArray().flatMap(identifiersOrString));
    const result = {
        vulnerability: name,
        aliases,
        products: [...new Set(products)],
        subcomponents: [...new Set(subcomponents)],
        status: statement.field('status').oneOf(STATUSES),
    };
    const justification = statement.field('justification');
    if (justification.present)
        result.justification = justification.oneOf(JUSTIFICATIONS);
    const impact = statement.field('impact_statement').optionalText();
    if (impact)
        result.impactStatement = impact;
    const timestamp = statement.field('last_updated').optionalDate() ??
        statement.field('timestamp').optionalDate() ??
        defaults.timestamp;
    if (timestamp)
        result.timestamp = timestamp;
    return result;
}
/** v0.2.0: `{name, @id, aliases}`; v0.0.1: the name as a string. Trivy writes only `@id`. */
function openvex_readVulnerability(vulnerability) {
    if (typeof vulnerability.value === 'string')
        return { name: vulnerability.value, aliases: [] };
    vulnerability.object();
    const id = vulnerability.field('@id').optionalText();
    const name = vulnerability.field('name').optionalText() ?? id;
    if (!name)
        vulnerability.fail('must have a name, e.g. {"name": "CVE-2024-1234"}');
    const aliases = vulnerability.field('aliases').optionalStrings();
    return { name, aliases: [...new Set(aliases)].filter((alias) => alias !== name) };
}
function identifiersOrString(item) {
    return typeof item.value === 'string' ? [item.value] : identifiersOf(item);
}
/** A component's `@id`, its purl identifier, and its sha-256/sha-512 hashes as `sha256:<hex>`. */
function identifiersOf(component) {
    component.object();
    const ids = [];
    const id = component.field('@id').optionalText();
    if (id)
        ids.push(id);
    const identifiers = component.field('identifiers');
    identifiers.optionalObject();
    const purl = identifiers.field('purl').optionalText();
    if (purl)
        ids.push(purl);
    const hashes = component.field('hashes');
    for (const algorithm of Object.keys(hashes.optionalObject() ?? {})) {
        const digest = digestOfHash(algorithm, hashes.field(algorithm).string());
        if (digest)
            ids.push(digest);
    }
    return ids;
}
/** v0.2.0 writes an integer; v0.0.1 wrote it as a string ("1"). */
function readVersion(field) {
    if (!field.present)
        return undefined;
    return typeof field.value === 'string' && /^\d+$/.test(field.value) ? Number(field.value) : field.number();
}

;// CONCATENATED MODULE: ./src/evidence/formats/index.ts










/**
 * Every evidence format, keyed by name. `satisfies Record<…>` makes the list exhaustive: adding a
 * format name to the EvidenceDocument union without a plugin here is a type error.
 */
const EVIDENCE_FORMATS = {
    junit: junitFormat,
    sarif: sarifFormat,
    trivy: trivyFormat,
    grype: grypeFormat,
    cyclonedx: cycloneDxFormat,
    spdx: spdxFormat,
    openvex: openVexFormat,
    'in-toto': inTotoFormat,
    dsse: dsseFormat,
    'sigstore-bundle': sigstoreBundleFormat,
};
/** The format that recognises `content`, or undefined when none does (the file is listed as ignored). */
function recogniseFormat(content) {
    return Object.values(EVIDENCE_FORMATS).find((format) => format.recognises(content));
}

;// CONCATENATED MODULE: ./src/evidence/formats/xml-options.ts
/**
 * The one way Glidepath parses XML evidence (the loader and the tests share it). Every element
 * becomes an array, so a suite with one test case has the same shape as a suite with many; attribute
 * values stay strings (`@_tests: "3"`), so a malformed count is seen and reported instead of
 * silently turning into NaN. `htmlEntities` stays off: JUnit is XML, and only XML's five entities
 * and numeric references are meaningful in it.
 */
const XML_PARSER_OPTIONS = {
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    trimValues: true,
};

;// CONCATENATED MODULE: ./src/evidence/load.ts







/** Evidence files larger than this are refused: no real report is this big, and memory is finite. */
const MAX_EVIDENCE_FILE_BYTES = 64 * 1024 * 1024;
const nodeFs = {
    readFile: (path) => (0,promises_.readFile)(path),
    stat: (path) => (0,promises_.stat)(path),
    readdir: (path) => (0,promises_.readdir)(path, { withFileTypes: true }),
};
/**
 * Reads every evidence path (files, or directories walked recursively in name order) and turns each
 * file into documents by its content. Unreadable paths and malformed content are errors that name the
 * file (exit 2): a truncated scan report must never be mistaken for a clean one.
 */
async function loadEvidence(paths, options = {}) {
    const fs = options.fs ?? nodeFs;
    const maxFileBytes = options.maxFileBytes ?? MAX_EVIDENCE_FILE_BYTES;
    const result = { documents: [], ignored: [] };
    for (const path of paths) {
        for (const file of await listFiles(fs, path)) {
            const info = await fs.stat(file);
            if (info.size > maxFileBytes) {
                throw new errors/* EvidenceFormatError */.js(`${info.size} bytes is larger than the ${maxFileBytes}-byte limit for one evidence file; ` +
                    'pass the report itself, not an archive or a log', file);
            }
            const outcome = readEvidenceText(stripBom((await fs.readFile(file)).toString('utf8')), file);
            if ('ignored' in outcome)
                result.ignored.push({ file, reason: outcome.ignored });
            else
                result.documents.push(...outcome.documents);
        }
    }
    return result;
}
async function listFiles(fs, path) {
    let info;
    try {
        info = await fs.stat(path);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot read evidence path (${error.code ?? String(error)}); ` +
            'check the --evidence path, relative to the working directory', path);
    }
    if (info.isFile())
        return [path];
    if (!info.isDirectory())
        throw new errors/* ConfigurationError */.j1('is neither a file nor a directory', path);
    const files = [];
    // Symbolic links are not followed: a link cycle in an artifact download must not hang admission.
    const entries = (await fs.readdir(path)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const child = (0,external_node_path_.join)(path, entry.name);
        if (entry.isDirectory())
            files.push(...(await listFiles(fs, child)));
        else if (entry.isFile())
            files.push(child);
    }
    return files;
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * Classifies one file's text: JSON (or JSON lines, as `gh attestation download` writes), XML, or
 * something else (ignored). Exported for tests.
 */
function readEvidenceText(text, file) {
    const first = text.trimStart()[0];
    if (first === '{' || first === '[')
        return readJson(text, file);
    if (first === '<')
        return readXml(text, file);
    return { ignored: text.trim() ? 'not JSON or XML' : 'empty file' };
}
function readJson(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const lines = text.split('\n').filter((line) => line.trim());
        // JSON lines: every non-empty line is a document of its own.
        if (lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{')))
            return readJsonLines(text, file);
        throw new errors/* EvidenceFormatError */.js(`${jsonErrorPosition(text, error)} (is the file truncated?)`, file);
    }
    const document = parseRecognised({ syntax: 'json', value }, file);
    if (document)
        return { documents: [document] };
    if (Array.isArray(value)) {
        return {
            ignored: 'a JSON array, not a format Glidepath reads (old Trivy wrote arrays: use a current trivy --format json)',
        };
    }
    return { ignored: 'JSON, but not a format Glidepath reads' };
}
function readJsonLines(text, file) {
    const documents = [];
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
        if (!line.trim())
            continue;
        const where = `${file}:${index + 1}`;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (error) {
            throw new errors/* EvidenceFormatError */.js(`JSON lines: ${error.message}`, where);
        }
        const document = parseRecognised({ syntax: 'json', value }, where);
        if (document)
            documents.push(document);
    }
    return documents.length ? { documents } : { ignored: 'JSON lines, none in a format Glidepath reads' };
}
function readXml(text, file) {
    const valid = fxp/* XMLValidator */.iI.validate(text);
    if (valid !== true) {
        throw new errors/* EvidenceFormatError */.js(`${valid.err.line}:${valid.err.col}: malformed XML: ${valid.err.msg}`, file);
    }
    const parsed = new XMLParser/* default */.A(XML_PARSER_OPTIONS).parse(text);
    const root = Object.keys(parsed).find((key) => !key.startsWith('?') && !key.startsWith('#') && !key.startsWith('!'));
    if (!root)
        return { ignored: 'XML without a root element' };
    const document = parseRecognised({ syntax: 'xml', root, document: parsed }, file);
    return document
        ? { documents: [document] }
        : { ignored: `XML with root <${root}>, not a format Glidepath reads` };
}
function parseRecognised(content, file) {
    return recogniseFormat(content)?.parse(content, file);
}
/**
 * Names where JSON breaks as LINE:COL. V8's messages on Node 20 carry no position, so the error
 * path re-reads the text with jsonc-parser, which reports the offset of the first fault.
 */
function jsonErrorPosition(text, error) {
    const faults = [];
    (0,main.parse)(text, faults, { disallowComments: true, allowTrailingComma: false });
    const [fault] = faults;
    if (!fault)
        return `malformed JSON: ${error.message}`;
    const before = text.slice(0, fault.offset);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const what = fault.offset >= text.trimEnd().length ? 'the file ends early' : (0,main.printParseErrorCode)(fault.error);
    return `${line}:${column}: malformed JSON: ${what}`;
}

;// CONCATENATED MODULE: ./src/evidence/verify.ts





/**
 * Admits an image digest only when its evidence satisfies policy: reads the evidence, runs every
 * check, then adds a `missing` line for each required kind that no check passed. The artifact is
 * admitted when no line is `fail` or `missing`.
 */
async function verifyArtifact(request) {
    const { artifact, policy, now } = request;
    const loaded = await loadEvidence(request.evidencePaths, { fs: request.fs });
    const of = (kind) => loaded.documents.filter((document) => document.kind === kind);
    const checks = [
        ...checkTests(of('tests'), policy.evidence.tests),
        ...checkScans(of('scan'), of('vex'), { digest: artifact.digest, policy: policy.evidence, now }),
        ...checkSboms(of('sbom'), { digest: artifact.digest, policy: policy.evidence }),
        ...(await checkProvenance(of('provenance'), {
            digest: artifact.digest,
            policy: policy.evidence.provenance,
            trustedRootFile: request.trustedRootFile,
        })),
    ];
    checks.push(...absentKinds(checks, policy.evidence.require));
    return {
        artifact: artifact.toString(),
        digest: artifact.digest.toString(),
        admitted: !checks.some((check) => check.status === 'fail' || check.status === 'missing'),
        checks,
        ignored: loaded.ignored,
        policy: policy.source ?? 'defaults',
    };
}
/** Why a required kind counts as absent, per kind, when no check of that kind passed. */
const HOW_TO_PROVIDE = {
    tests: 'pass the JUnit XML your test runner writes (e.g. jest-junit, pytest --junitxml, go-junit-report)',
    scan: 'pass a Trivy or Grype JSON report, or SARIF, for this digest',
    sbom: 'pass a CycloneDX or SPDX JSON SBOM (e.g. syft or trivy --format cyclonedx)',
    provenance: 'pass the Sigstore bundle from actions/attest-build-provenance (bundle-path output) or `gh attestation download`',
};
/**
 * Whether a check can satisfy a requirement. A warning is still evidence (tests that passed but
 * whose declared totals disagree), except for provenance: there a warning means an unsigned or
 * non-provenance statement, and an unsigned statement must never satisfy `require: [provenance]`.
 */
function satisfies(check) {
    return check.status === 'pass' || (check.status === 'warn' && check.kind !== 'provenance');
}
function absentKinds(checks, required) {
    const absent = [];
    for (const kind of required) {
        const ofKind = checks.filter((check) => check.kind === kind);
        // A kind that already failed says why itself; a "missing" line would only repeat it.
        if (ofKind.some((check) => check.status === 'fail' || satisfies(check)))
            continue;
        const reason = ofKind.length
            ? `required by policy, but no ${kind} evidence passed (${ofKind.length} ${ofKind.length === 1 ? 'file was' : 'files were'} only warnings); ${HOW_TO_PROVIDE[kind]}`
            : `required by policy, but no ${kind} evidence was given; ${HOW_TO_PROVIDE[kind]}`;
        absent.push({ kind, file: '', status: 'missing', reason });
    }
    const hasSbom = checks.some((check) => check.kind === 'sbom');
    if (!hasSbom && !required.includes('sbom')) {
        absent.push({
            kind: 'sbom',
            file: '',
            status: 'warn',
            reason: 'no SBOM given; set evidence.require: [sbom] to make one mandatory',
        });
    }
    return absent;
}

// EXTERNAL MODULE: ./src/report/admission.ts
var admission = __webpack_require__(27887);
;// CONCATENATED MODULE: ./src/cli/commands/verify.ts









/** Runs admission for `settings`: the library call both faces share. */
async function runVerify(settings, io) {
    const artifact = image_ref/* ImageRef */.j.parse(settings.artifact);
    const policy = await (0,load_policy/* loadPolicy */.tb)(policyFileIn(io.cwd, settings.policyFile));
    const report = await verifyArtifact({
        artifact,
        evidencePaths: settings.evidence.map((path) => from(io.cwd, path)),
        policy,
        trustedRootFile: settings.trustedRoot && from(io.cwd, settings.trustedRoot),
        now: io.now(),
    });
    return settings.quarantineFile ? refuseQuarantined(report, from(io.cwd, settings.quarantineFile)) : report;
}
/** A quarantined digest is never admitted, whatever its evidence says, until a person removes the line. */
async function refuseQuarantined(report, file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`cannot read the quarantine list: ${error.message}`, file);
        }
    }
    const entry = (0,quarantine/* isQuarantined */.fK)(text, report.digest, file);
    if (!entry)
        return report;
    const check = {
        kind: 'artifact',
        file,
        status: 'fail',
        reason: `${report.digest} is quarantined (line ${entry.line}: ${entry.reason ?? 'no reason given'}); remove that line to admit it again`,
    };
    return { ...report, admitted: false, checks: [check, ...report.checks] };
}
/**
 * The policy file to load: `explicit` when given, else `glidepath.yaml` in `cwd` when it exists,
 * else undefined (the built-in defaults).
 */
function policyFileIn(cwd, explicit) {
    if (explicit)
        return from(cwd, explicit);
    const implicit = from(cwd, load_policy/* DEFAULT_POLICY_FILE */.mY);
    return (0,external_node_fs_.existsSync)(implicit) ? implicit : undefined;
}
/**
 * Resolves `path` against `cwd`, but keeps it as the user typed it when that already means the same
 * file: reports and error messages then show the path the user knows.
 */
function from(cwd, path) {
    return (0,external_node_path_.isAbsolute)(path) || (0,external_node_path_.resolve)(cwd) === process.cwd() ? path : (0,external_node_path_.resolve)(cwd, path);
}
const verifyCommand = {
    name: 'verify',
    description: [
        'Reads test results (JUnit XML), scans (SARIF 2.1.0, Trivy JSON, Grype JSON) with OpenVEX',
        'suppressions, SBOMs (CycloneDX, SPDX) and provenance (in-toto statements, DSSE envelopes,',
        'Sigstore bundles v0.1-v0.3, verified offline) and checks them against the evidence section of',
        'the policy. Files are recognised by content; directories are walked; other files are listed',
        'and ignored.',
        '',
        'Exit status: 0 admitted, 1 rejected, 2 bad usage or unreadable/malformed input, 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'artifact',
            type: 'string',
            required: true,
            placeholder: 'REF',
            description: 'image pinned by digest: registry/repo[:tag]@sha256:<64 hex>; a tag alone is refused',
        },
        {
            name: 'evidence',
            type: 'string',
            multiple: true,
            placeholder: 'PATH...',
            description: 'evidence files or directories (repeat the flag or list several paths after it)',
        },
        {
            name: 'policy',
            type: 'string',
            placeholder: 'FILE',
            description: `policy file (default: ${load_policy/* DEFAULT_POLICY_FILE */.mY} in the working directory if present, else built-in defaults)`,
        },
        {
            name: 'quarantine',
            type: 'string',
            placeholder: 'FILE',
            description: 'the GitOps repository quarantine list (.glidepath/quarantine.yaml); a listed digest is rejected',
        },
        {
            name: 'trusted-root',
            type: 'string',
            placeholder: 'FILE',
            description: 'Sigstore trusted_root.json for offline bundle verification (default: embedded public-good and GitHub roots)',
        },
        { name: 'json', type: 'boolean', description: 'print the report as JSON instead of a table' },
    ],
    examples: [
        'glidepath verify --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence reports/ --policy glidepath.yaml',
        'glidepath verify --artifact ghcr.io/acme/checkout@sha256:0123…cdef --evidence junit.xml trivy.json bundle.json --json',
    ],
    async run(values, io) {
        const artifact = values.artifact;
        if (typeof artifact !== 'string')
            throw new errors/* UsageError */.eb('--artifact REF is required');
        const report = await runVerify({
            artifact,
            evidence: values.evidence ?? [],
            policyFile: values.policy,
            trustedRoot: values['trusted-root'],
            quarantineFile: values.quarantine,
        }, io);
        io.stdout(values.json ? (0,admission/* admissionJson */.MV)(report) : (0,admission/* admissionText */.b9)(report));
        return report.admitted ? errors/* ExitCode */.yU.ok : errors/* ExitCode */.yU.rejected;
    },
};


/***/ }),

/***/ 70912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ ImageRef),
/* harmony export */   n: () => (/* binding */ Digest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * distribution/reference's ReferenceRegexp (reference.go / regexp.go at 0965666), with `[[:xdigit:]]`
 * spelled out for JavaScript. Groups: 1 name, 2 tag, 3 digest.
 */
const REFERENCE = /^((?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$/;
/** Repository names longer than this are refused by registries (RepositoryNameTotalLengthMax). */
const NAME_MAX = 255;
/**
 * Admission is stricter than the reference grammar: the OCI image spec says sha256 digests are
 * exactly 64 lowercase hex characters ("[A-F] MUST NOT be used"), sha512 128.
 */
const DIGEST_HEX = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
const HOW_TO_PIN = 'pass the image by digest, e.g. ghcr.io/acme/checkout@sha256:<64 lowercase hex> ' +
    '(docker buildx prints it as "digest"; `crane digest REF` or `docker inspect --format "{{index .RepoDigests 0}}"` resolve a tag)';
/** A content digest such as `sha256:4f…`. Immutable; equal digests compare equal as strings. */
class Digest {
    algorithm;
    hex;
    constructor(algorithm, hex) {
        this.algorithm = algorithm;
        this.hex = hex;
    }
    /** Parses `algorithm:hex`; `field` names the source of the value for the error message. */
    static parse(text, field = 'digest') {
        const separator = text.indexOf(':');
        const algorithm = text.slice(0, separator);
        const hex = text.slice(separator + 1);
        if (separator < 0 || !(algorithm in DIGEST_HEX)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" is not a sha256 or sha512 digest; ${HOW_TO_PIN}`);
        }
        if (!DIGEST_HEX[algorithm].test(hex)) {
            const length = algorithm === 'sha256' ? 64 : 128;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" must be ${algorithm}: followed by exactly ${length} lowercase hex characters; ${HOW_TO_PIN}`);
        }
        return new Digest(algorithm, hex);
    }
    /** Like parse, but returns undefined instead of throwing (for digests found inside evidence). */
    static tryParse(text) {
        try {
            return Digest.parse(text.toLowerCase());
        }
        catch {
            return undefined;
        }
    }
    equals(other) {
        return this.algorithm === other.algorithm && this.hex === other.hex;
    }
    toString() {
        return `${this.algorithm}:${this.hex}`;
    }
}
/** A container image reference pinned by digest: `registry/repo[:tag]@sha256:…`. */
class ImageRef {
    name;
    tag;
    digest;
    constructor(
    /** Repository name as written, including any registry host ("ghcr.io/acme/checkout"). */
    name, 
    /** Tag, when the reference carried one next to the digest (informational only). */
    tag, digest) {
        this.name = name;
        this.tag = tag;
        this.digest = digest;
    }
    /**
     * Parses a digest-pinned reference. A tag-only, empty or malformed reference is a
     * ConfigurationError telling the user to pass the digest. `field` names the flag or input.
     */
    static parse(text, field = '--artifact') {
        const trimmed = text.trim();
        if (!trimmed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field} is empty; ${HOW_TO_PIN}`);
        const match = REFERENCE.exec(trimmed);
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${trimmed}" is not a valid image reference (registry/repository[:tag]@sha256:…); ${HOW_TO_PIN}`);
        }
        const [, name = '', tag, digest] = match;
        if (name.length > NAME_MAX) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: repository name is longer than ${NAME_MAX} characters`);
        }
        if (!digest) {
            const what = tag ? `tag "${tag}"` : 'no tag or digest';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${trimmed}" names the image by ${what}, and tags can move: Glidepath admits images only by digest; ${HOW_TO_PIN}`);
        }
        return new ImageRef(name, tag, Digest.parse(digest, field));
    }
    /** The canonical pinned form `name@digest` (the tag is dropped: the digest decides). */
    toString() {
        return `${this.name}@${this.digest}`;
    }
}


/***/ }),

/***/ 34910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ quarantineChange),
/* harmony export */   Q_: () => (/* binding */ DEFAULT_QUARANTINE_FILE),
/* harmony export */   c1: () => (/* binding */ assertNotQuarantined),
/* harmony export */   fK: () => (/* binding */ isQuarantined)
/* harmony export */ });
/* unused harmony exports QuarantinedError, parseQuarantine, addToQuarantine */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _yaml_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46897);
/* harmony import */ var _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70912);
/**
 * The quarantine list: digests that failed a rollout, kept in the GitOps repository itself
 * (`.glidepath/quarantine.yaml` by default) so that every writer sees it, it is reviewed like any
 * other change, and re-admitting a digest is a deliberate, recorded act: a person deletes the
 * entry. `verify` and `desire` refuse a quarantined digest; `revert` adds the digest it reverts.
 *
 * ```yaml
 * digests:
 *   - digest: sha256:4f…
 *     image: ghcr.io/acme/checkout
 *     reason: "error-rate 0.4% above 0.1% at step 3/6"
 *     rollout: checkout-production-42
 *     at: "2026-05-04T10:12:00.000Z"
 * ```
 *
 * Reading is lenient (only `digest` is required, so a hand-written entry still blocks); writing is
 * strict and appends without reformatting anything already in the file.
 */




/** Where the quarantine list lives unless the policy says otherwise. */
const DEFAULT_QUARANTINE_FILE = '.glidepath/quarantine.yaml';
/**
 * The digest is quarantined. Exit 2 like any configuration problem: nothing is wrong with
 * Glidepath, and a person must decide whether to re-admit the digest.
 */
class QuarantinedError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 {
    entry;
    file;
    constructor(entry, file) {
        const why = [
            entry.reason && `reason: ${entry.reason}`,
            entry.rollout && `rollout ${entry.rollout}`,
            entry.at && `since ${entry.at}`,
        ]
            .filter(Boolean)
            .join('; ');
        super(`${entry.digest} is quarantined${why ? ` (${why})` : ''}; Glidepath will not deploy it. To re-admit it, ` +
            `delete its entry (the "- digest: ${entry.digest}" item) from ${file} in a reviewed commit`, `${file}:${entry.line}:${entry.column}`);
        this.entry = entry;
        this.file = file;
    }
}
/**
 * Every entry of a quarantine file; undefined or empty text means none. A file Glidepath cannot
 * read is a ConfigurationError at FILE:LINE:COL: a broken list must not silently admit anything.
 */
function parseQuarantine(text, file = DEFAULT_QUARANTINE_FILE) {
    const list = (0,_yaml_list_js__WEBPACK_IMPORTED_MODULE_2__/* .readYamlList */ .O)(text, file, 'digests', 'a `digests:` list');
    if (!list)
        return [];
    const { at } = list;
    return list.items.map((item, index) => {
        const where = at(item);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}]: expected a mapping with at least "digest: sha256:…"`, where);
        }
        const field = (key) => {
            const value = item.get(key, true);
            if (value === undefined || value === null)
                return undefined;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value.value === null)
                return undefined;
            return String(value.value);
        };
        const digest = field('digest');
        if (!digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}]: missing "digest: sha256:…"`, where);
        const parsed = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.tryParse(digest);
        if (!parsed) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}].digest: "${digest}" is not a sha256 or sha512 digest`, at(item.get('digest', true)));
        }
        const { line, col } = list.position(item);
        const entry = { digest: parsed.toString(), line, column: col };
        for (const key of ['image', 'reason', 'rollout', 'at']) {
            const value = field(key);
            if (value !== undefined)
                entry[key] = value;
        }
        return entry;
    });
}
/** The entry that quarantines `digest`, or undefined when it is admitted. */
function isQuarantined(text, digest, file = DEFAULT_QUARANTINE_FILE) {
    const wanted = typeof digest === 'string' ? _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(digest) : digest;
    return parseQuarantine(text, file).find((entry) => _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(entry.digest).equals(wanted));
}
/** Throws QuarantinedError when `digest` is in the list. */
function assertNotQuarantined(text, digest, file = DEFAULT_QUARANTINE_FILE) {
    const entry = isQuarantined(text, digest, file);
    if (entry)
        throw new QuarantinedError(entry, file);
}
/**
 * `text` with `entry` appended (idempotent: the text is returned as it is when the digest is
 * already listed). Existing bytes are kept: the entry is spliced in after the last item, in the
 * list's indentation and line ending; a missing file gets a short header explaining the file.
 */
function addToQuarantine(text, entry, file = DEFAULT_QUARANTINE_FILE) {
    const digest = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(entry.digest, 'quarantine digest').toString();
    if (isQuarantined(text, digest, file))
        return text;
    const eol = text?.includes('\r\n') ? '\r\n' : '\n';
    const item = (indent) => entryLines({ ...entry, digest }, indent).join(eol) + eol;
    if (text === undefined || text.trim() === '') {
        return [
            '# Digests Glidepath refuses to deploy: `desire` and `verify` check this list, `revert` adds to it.',
            '# To re-admit a digest, delete its entry in a reviewed commit.',
            'digests:',
            item('  ').replace(/\r?\n$/, ''),
            '',
        ].join(eol);
    }
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    const root = doc.contents;
    const withNewline = /\n$/.test(text) ? text : text + eol;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root) && !root.has('digests'))) {
        return `${withNewline}digests:${eol}${item('  ')}`;
    }
    const digests = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root) ? root.get('digests', true) : undefined;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(digests) && digests.items.length > 0 && !digests.flow && digests.range) {
        const start = digests.range[0];
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const indent = text.slice(lineStart, start);
        const end = digests.range[1];
        const before = text.slice(0, end);
        const joint = /\n$/.test(before) ? '' : eol;
        return `${before}${joint}${item(indent)}${text.slice(end)}`;
    }
    // Unusual shapes (`digests: []`, a flow list, `digests:` with nothing under it): let the YAML
    // library rewrite the list; comments survive, though its formatting may change.
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        const pair = root.items.find((candidate) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(candidate.key) && candidate.key.value === 'digests');
        if (pair) {
            const items = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(pair.value) ? pair.value.toJSON() : [];
            const list = doc.createNode([...items, compact({ ...entry, digest })]);
            list.flow = false;
            pair.value = list;
            return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('expected a mapping with a `digests:` list', `${file}:1:1`);
}
/** A DesiredChange that adds `entry` to the quarantine file at `file`. */
function quarantineChange(entry, file = DEFAULT_QUARANTINE_FILE) {
    return {
        path: file,
        intent: `quarantine ${entry.digest}`,
        render: (current) => addToQuarantine(current, entry, file),
    };
}
function entryLines(entry, indent) {
    const fields = compact(entry);
    const keys = Object.keys(fields);
    return keys.map((key, index) => `${index === 0 ? `${indent}- ` : `${indent}  `}${key}: ${scalar(key, fields[key])}`);
}
/** Digests, images and rollout ids are plain; free text and timestamps are double-quoted (JSON is valid YAML). */
function scalar(key, value) {
    if ((key === 'digest' || key === 'image' || key === 'rollout') && /^[\w./:@-]+$/.test(value))
        return value;
    return JSON.stringify(value.replace(/[\r\n]+/g, ' '));
}
function compact(entry) {
    const out = { digest: entry.digest };
    for (const key of ['image', 'reason', 'rollout', 'at']) {
        const value = entry[key];
        if (value !== undefined && value !== '')
            out[key] = value;
    }
    return out;
}


/***/ }),

/***/ 46897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readYamlList)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The shape the GitOps repository's own lists share (`.glidepath/quarantine.yaml`'s `digests:`,
 * `overrides.yaml`'s `overrides:`): a YAML mapping holding one list under `key`. Reading is the same
 * for each — empty text or an empty list is no entries; anything else that is not that shape is a
 * ConfigurationError at FILE:LINE:COL — so it lives here once; each file then reads its entries.
 */


/**
 * The list under `key` in `text` (`file` names it in errors); undefined when there are no entries.
 * `shape` completes "expected a mapping with …", e.g. "a `digests:` list".
 */
function readYamlList(text, file, key, shape) {
    if (text === undefined || text.trim() === '')
        return undefined;
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false });
    const position = (node) => {
        const range = node?.range;
        return lines.linePos(range?.[0] ?? 0);
    };
    const at = (node) => {
        const { line, col } = position(node);
        return `${file}:${line}:${col}`;
    };
    const first = doc.errors[0];
    if (first) {
        const { line, col } = lines.linePos(first.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`invalid YAML: ${first.message.split('\n')[0]}`, `${file}:${line}:${col}`);
    }
    const root = doc.contents;
    if (root === null)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`expected a mapping with ${shape}`, at(root));
    const list = root.get(key, true);
    if (list === undefined || list === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${key}: expected a list of entries`, at(list));
    return { items: list.items, at, position };
}


/***/ }),

/***/ 27887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ admissionJson),
/* harmony export */   ZX: () => (/* binding */ admissionMarkdown),
/* harmony export */   b9: () => (/* binding */ admissionText)
/* harmony export */ });
const MARK = {
    pass: '✅ pass',
    fail: '❌ fail',
    warn: '⚠️ warn',
    missing: '❌ missing',
    suppressed: '🔕 suppressed',
};
/** The `--json` document: the contract scripts and the action's `report` output rely on. */
function admissionJson(report) {
    const { artifact, digest, admitted, checks, ignored, policy } = report;
    return JSON.stringify({ artifact, digest, admitted, checks, ignored, policy }, null, 2) + '\n';
}
/** A plain-text table for a terminal, widest columns clipped so the reason stays readable. */
function admissionText(report) {
    const rows = report.checks.map((check) => [
        check.status.toUpperCase(),
        check.kind,
        check.file || '-',
        check.reason,
    ]);
    const header = ['STATUS', 'KIND', 'FILE', 'REASON'];
    const widths = [0, 1, 2].map((column) => Math.min(column === 2 ? 48 : 12, Math.max(header[column].length, ...rows.map((row) => row[column].length))));
    const line = (cells) => cells
        .map((cell, column) => (column < 3 ? clip(cell, widths[column]).padEnd(widths[column]) : cell))
        .join('  ');
    const verdict = report.admitted
        ? `ADMITTED ${report.artifact}`
        : `REJECTED ${report.artifact}: ${failures(report)} of ${report.checks.length} checks failed`;
    const ignored = report.ignored.map((entry) => `ignored ${entry.file}: ${entry.reason}`);
    return [line(header), ...rows.map(line), '', ...ignored, ...(ignored.length ? [''] : []), verdict, ''].join('\n');
}
/** The job summary: the checks table in GitHub-flavoured markdown. */
function admissionMarkdown(report) {
    const title = report.admitted ? '✅ Admitted' : '❌ Rejected';
    const rows = report.checks.map((check) => `| ${MARK[check.status]} | ${check.kind} | ${code(check.file || '—')} | ${cell(check.reason)} |`);
    const ignored = report.ignored.length
        ? [
            '',
            '<details><summary>Ignored files</summary>',
            '',
            ...report.ignored.map((e) => `- ${code(e.file)}: ${cell(e.reason)}`),
            '',
            '</details>',
        ]
        : [];
    return [
        `### Glidepath admission: ${title}`,
        '',
        `Artifact ${code(report.artifact)} · policy ${code(report.policy)}`,
        '',
        '| Status | Kind | File | Reason |',
        '| --- | --- | --- | --- |',
        ...rows,
        ...ignored,
        '',
    ].join('\n');
}
function failures(report) {
    return report.checks.filter((check) => check.status === 'fail' || check.status === 'missing').length;
}
function clip(text, width) {
    return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}
/** Escapes a table cell: pipes split cells and newlines end rows. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function code(text) {
    return '`' + text.replace(/`/g, "'") + '`';
}


/***/ })

};

//# sourceMappingURL=651.index.js.map