export const id = 732;
export const ids = [732];
export const modules = {

/***/ 87732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86328);
/* harmony import */ var ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Makes `ajv-formats-draft2019` loadable when Glidepath runs from its ncc bundle. Import this
 * before any `kubernetes-models` module.
 *
 * Why: `@kubernetes-models/validate` (under the `node` export condition, which ncc picks) loads
 * that package with `createRequire(import.meta.url)("ajv-formats-draft2019")`. ncc leaves such
 * calls to run at runtime, where they resolve against `dist/` — which has no node_modules — so
 * the bundle dies on its first schema import. Here the package is imported statically (ncc
 * bundles it) and handed to Node's CommonJS loader under its name.
 *
 * Hazard: this patches `Module._resolveFilename`, process-wide, for exactly one request string,
 * and only when the name does not resolve by itself (in the repository and in tests it does, and
 * nothing is patched). Remove it when the build resolves that require another way.
 */

// @ts-expect-error -- the package ships no type declarations; only its default export is used.

const NAME = 'ajv-formats-draft2019';
function installWhenMissing() {
    try {
        (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url).resolve(NAME);
        return;
    }
    catch {
        // Not resolvable from here: running from the bundle.
    }
    const loader = (node_module__WEBPACK_IMPORTED_MODULE_0___default());
    const key = `glidepath-bundled:${NAME}`;
    loader._cache[key] = {
        id: key,
        filename: key,
        loaded: true,
        exports: (ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1___default()),
        children: [],
        paths: [],
    };
    const resolve = loader._resolveFilename;
    loader._resolveFilename = function (request, ...rest) {
        return request === NAME ? key : resolve.call(this, request, ...rest);
    };
}
installWhenMissing();


/***/ })

};

//# sourceMappingURL=732.index.js.map