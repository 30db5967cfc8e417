export const id = 484;
export const ids = [484];
export const modules = {

/***/ 51484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ realRetryEffects),
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   Jb: () => (/* binding */ retryPolicy)
/* harmony export */ });
/* unused harmony export DEFAULT_RETRY_POLICY */
/**
 * Bounded exponential backoff with full jitter for compare-and-swap conflicts (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"): the wait before attempt n+1 is uniform in
 * [0, min(maxDelay, unit · 2^(n-1))). Full jitter spreads writers that lost the same race, so ten
 * jobs committing to one branch do not collide again in lock step.
 *
 * The unit is the larger of `baseDelayMs` and how long the lost attempt took (read, render,
 * write). Writers only stop colliding once their retries are spread wider than one attempt lasts;
 * a fixed base that is short next to a slow remote (GitHub's mutation takes about a second) keeps
 * them in lock step, one winner per round, which is what exhausts the attempts. HTTP retries are
 * not done here: Octokit's retry and throttling plugins own those.
 */
/** The defaults: 5 attempts, waits drawn below 250 ms, 500 ms, 1 s, 2 s. */
const DEFAULT_RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };
/** Real time and Math.random. */
const realRetryEffects = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
    now: () => performance.now(),
};
/** The policy with `overrides` applied; refuses values that would retry forever or never. */
function retryPolicy(overrides = {}) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
    if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
        throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}`);
    }
    if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= policy.baseDelayMs)) {
        throw new RangeError('delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs');
    }
    return policy;
}
/**
 * The wait, in whole milliseconds, after failed attempt `attempt` (1-based) that took
 * `attemptMs`: full jitter below min(maxDelayMs, max(baseDelayMs, attemptMs) · 2^(attempt-1)).
 */
function backoffDelay(attempt, policy, random, attemptMs = 0) {
    const unit = Math.max(policy.baseDelayMs, attemptMs);
    const ceiling = Math.min(policy.maxDelayMs, unit * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}


/***/ })

};

//# sourceMappingURL=484.index.js.map