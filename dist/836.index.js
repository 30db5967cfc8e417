export const id = 836;
export const ids = [836];
export const modules = {

/***/ 90836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandHelp: () => (/* binding */ commandHelp),
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/cli/commands/index.ts
function entry(name, summary, load) {
    return { name, summary, load: async () => ({ ...(await load()), summary }) };
}
/** The manual controls' one-liners (each is `step --control <name>`). */
const CONTROL_SUMMARY = {
    promote: 'move the rollout in progress to its next step now (--full: straight to 100%)',
    abort: 'reverse the rollout in progress now, without quarantining its digest',
    pause: 'hold the rollout in progress at its current step until a person decides',
    retry: 'bake the paused step again',
    resume: 'continue a paused rollout (the same as retry)',
};
/** The commands in the order `--help` lists them. */
const COMMANDS = [
    entry('verify', 'admit an image digest only when its evidence satisfies policy', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(31), __webpack_require__.e(651)]).then(__webpack_require__.bind(__webpack_require__, 32651))).verifyCommand),
    entry('edit', 'edit GitOps manifests byte-minimally: images, traffic weights, feature flags', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(547), __webpack_require__.e(328), __webpack_require__.e(503), __webpack_require__.e(578), __webpack_require__.e(657)]).then(__webpack_require__.bind(__webpack_require__, 80657))).editGroup),
    entry('desire', 'commit the canary image, traffic weight and flag to the GitOps repository (compare-and-swap)', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(547), __webpack_require__.e(328), __webpack_require__.e(503), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(578), __webpack_require__.e(875)]).then(__webpack_require__.bind(__webpack_require__, 42875))).desireCommand),
    entry('revert', 'restore an earlier desired state as a new commit and quarantine the reverted digest', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(335)]).then(__webpack_require__.bind(__webpack_require__, 85335))).revertCommand),
    entry('analyze', "judge live signals against the policy's guardrails: pass, fail or inconclusive", async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(229), __webpack_require__.e(31), __webpack_require__.e(651), __webpack_require__.e(690), __webpack_require__.e(484)]).then(__webpack_require__.bind(__webpack_require__, 58690))).analyzeCommand),
    entry('rollout', 'the whole rollout in one job: verify, then step exposure while the analysis passes, or revert', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(328), __webpack_require__.e(503), __webpack_require__.e(229), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(651), __webpack_require__.e(690), __webpack_require__.e(578), __webpack_require__.e(754)]).then(__webpack_require__.bind(__webpack_require__, 79754))).rolloutCommand),
    entry('step', 'event-driven rollout: bake and judge the current step, commit the next, hand off to a new run', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(328), __webpack_require__.e(503), __webpack_require__.e(229), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(651), __webpack_require__.e(690), __webpack_require__.e(578), __webpack_require__.e(754), __webpack_require__.e(707)]).then(__webpack_require__.bind(__webpack_require__, 87707))).stepCommand),
    ...['promote', 'abort', 'pause', 'retry', 'resume'].map((control) => entry(control, CONTROL_SUMMARY[control], async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(328), __webpack_require__.e(503), __webpack_require__.e(229), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(651), __webpack_require__.e(690), __webpack_require__.e(578), __webpack_require__.e(754), __webpack_require__.e(707)]).then(__webpack_require__.bind(__webpack_require__, 87707))).controlCommand(control))),
    entry('status', "where the service's newest rollout stands, read from the GitOps history alone", async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(171)]).then(__webpack_require__.bind(__webpack_require__, 46171))).statusCommand),
    entry('gate', 'decide whether a deployment may start now: windows, freezes, quarantine, failed rollouts', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(547), __webpack_require__.e(638), __webpack_require__.e(229), __webpack_require__.e(264), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(651), __webpack_require__.e(690), __webpack_require__.e(303)]).then(__webpack_require__.bind(__webpack_require__, 75303))).gateGroup),
    entry('report', 'DORA figures per service: deployment frequency, change failure rate, recovery and lead time', async () => (await Promise.all(/* import() */[__webpack_require__.e(143), __webpack_require__.e(819), __webpack_require__.e(462), __webpack_require__.e(31), __webpack_require__.e(452), __webpack_require__.e(197)]).then(__webpack_require__.bind(__webpack_require__, 66197))).reportCommand),
];

;// CONCATENATED MODULE: ./src/cli/main.ts



const PROGRAM = 'glidepath';
/** Runs the CLI on `argv` (without node and script) and returns the exit status. Never throws. */
async function runCli(argv, io, version) {
    const [name, ...rest] = argv;
    try {
        if (name === undefined) {
            io.stderr(mainHelp());
            return errors/* ExitCode */.yU.configuration;
        }
        if (name === '--help' || name === '-h') {
            io.stdout(mainHelp());
            return errors/* ExitCode */.yU.ok;
        }
        if (name === '--version' || name === '-V') {
            io.stdout(`${PROGRAM} ${version}\n`);
            return errors/* ExitCode */.yU.ok;
        }
        if (name === 'help') {
            const target = rest[0] === undefined ? undefined : await findCommand(rest[0]).load();
            io.stdout(target ? helpFor(target, rest[1]) : mainHelp());
            return errors/* ExitCode */.yU.ok;
        }
        const found = await findCommand(name).load();
        const [command, args] = 'subcommands' in found ? [findSubcommand(found, rest[0]), rest.slice(1)] : [found, rest];
        if (args.includes('--help') || args.includes('-h') || !command) {
            io.stdout(command ? commandHelp(command, prefixOf(found, command)) : groupHelp(found));
            return errors/* ExitCode */.yU.ok;
        }
        return await command.run(parseOptions(command, args), io);
    }
    catch (error) {
        const code = (0,errors/* exitCodeOf */.FO)(error);
        const sub = await subcommandNamed(name, rest[0]);
        const hint = error instanceof errors/* UsageError */.eb ? `\nRun '${PROGRAM} ${name ?? ''}${sub} --help' for usage.` : '';
        const prefix = error instanceof errors/* GlidepathError */.HT && error.located ? '' : `${PROGRAM}: `;
        io.stderr(`${prefix}${(0,errors/* describeError */.Uc)(error)}${hint}\n`);
        if (code === errors/* ExitCode */.yU.internal && error instanceof Error && error.stack && io.env?.GLIDEPATH_DEBUG) {
            io.stderr(`${error.stack}\n`);
        }
        return code;
    }
}
function findCommand(name) {
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
        throw new errors/* UsageError */.eb(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
    return command;
}
/** ` sub` when `name` is a group (already loaded) and `sub` one of its commands, for usage hints. */
async function subcommandNamed(name, sub) {
    const entry = COMMANDS.find((command) => command.name === name);
    if (!entry || sub === undefined)
        return '';
    const found = await entry.load().catch(() => undefined);
    return found && 'subcommands' in found && found.subcommands.some((command) => command.name === sub)
        ? ` ${sub}`
        : '';
}
/** The subcommand `name` of `group`; undefined (show the group's help) when none or `--help` is given. */
function findSubcommand(group, name) {
    if (name === undefined || name === '--help' || name === '-h')
        return undefined;
    const command = group.subcommands.find((candidate) => candidate.name === name);
    if (!command) {
        const names = group.subcommands.map((c) => c.name).join(', ');
        throw new errors/* UsageError */.eb(`unknown ${group.name} command "${name}"; ${group.name} commands: ${names}`);
    }
    return command;
}
function prefixOf(found, command) {
    return found === command ? command.name : `${found.name} ${command.name}`;
}
function helpFor(found, sub) {
    if (!('subcommands' in found))
        return commandHelp(found, found.name);
    const command = findSubcommand(found, sub);
    return command ? commandHelp(command, prefixOf(found, command)) : groupHelp(found);
}
/**
 * Parses flags strictly (an unknown flag is a usage error, not silently ignored). Values after a
 * `multiple` flag that are not flags themselves belong to it: `--evidence a.xml b.json`.
 */
function parseOptions(command, args) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...args],
            options: Object.fromEntries(command.options.map((option) => [
                option.name,
                { type: option.type, multiple: option.multiple ?? false },
            ])),
            strict: true,
            allowPositionals: true,
            tokens: true,
        });
    }
    catch (error) {
        throw new errors/* UsageError */.eb(error.message.replace(/\. To specify a positional.*$/s, ''));
    }
    const values = { ...parsed.values };
    const positional = command.options.find((option) => option.positional);
    let owner;
    for (const token of parsed.tokens) {
        if (token.kind === 'option')
            owner = command.options.find((option) => option.name === token.name);
        else if (token.kind === 'positional') {
            const target = owner?.multiple ? owner : positional;
            if (!target)
                throw new errors/* UsageError */.eb(`unexpected argument "${token.value}"`);
            values[target.name] = target.multiple
                ? [...(values[target.name] ?? []), token.value]
                : token.value;
        }
    }
    for (const option of command.options) {
        if (option.required && values[option.name] === undefined) {
            const what = option.positional
                ? (option.placeholder ?? option.name)
                : `--${option.name} ${option.placeholder ?? ''}`;
            throw new errors/* UsageError */.eb(`${what} is required`.replace(/ +is/, ' is'));
        }
    }
    return values;
}
function mainHelp() {
    const width = Math.max(...COMMANDS.map((command) => command.name.length));
    return [
        `Usage: ${PROGRAM} <command> [options]`,
        '',
        'Glidepath grows production exposure only while the evidence, the desired state and the live',
        'signals agree it should.',
        '',
        'Commands:',
        ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
        '',
        `Run '${PROGRAM} <command> --help' for a command's options.`,
        'Exit status: 0 ok, 1 rejected or failed, 2 usage or configuration, 3 infrastructure retries exhausted, 70 internal.',
        '',
    ].join('\n');
}
function groupHelp(group) {
    const width = Math.max(...group.subcommands.map((command) => command.name.length));
    return [
        `Usage: ${PROGRAM} ${group.name} <command> [options]`,
        '',
        group.description,
        '',
        'Commands:',
        ...group.subcommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
        '',
        `Run '${PROGRAM} ${group.name} <command> --help' for a command's options.`,
        '',
    ].join('\n');
}
function flag(option) {
    if (option.positional)
        return option.placeholder ?? option.name.toUpperCase();
    return `--${option.name}${option.type === 'string' ? ` ${option.placeholder ?? 'VALUE'}` : ''}`;
}
/** `--help` for one command, generated from its option specs so it documents every flag. */
function commandHelp(command, invocation = command.name) {
    const usage = command.options
        .map((option) => (option.required ? flag(option) : `[${flag(option)}]`))
        .join(' ');
    const width = Math.max(...command.options.map((option) => flag(option).length));
    return [
        `Usage: ${PROGRAM} ${invocation} ${usage}`,
        '',
        `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`,
        '',
        command.description,
        '',
        'Options:',
        ...command.options.map((option) => `  ${flag(option).padEnd(width)}  ${option.description}`),
        `  ${'--help'.padEnd(width)}  show this help`,
        '',
        'Examples:',
        ...command.examples.map((example) => `  ${example}`),
        '',
    ].join('\n');
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   HT: () => (/* binding */ GlidepathError),
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   c5: () => (/* binding */ HeldError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   js: () => (/* binding */ EvidenceFormatError),
/* harmony export */   yU: () => (/* binding */ ExitCode)
/* harmony export */ });
/**
 * The error vocabulary. Every error a user can act on says what was being done, with which value,
 * and what to do about it. Anything that is not one of these classes is a bug in Glidepath.
 */
/** Exit statuses shared by the CLI and the action (DESIGN.md "Errors and exit codes"). */
const ExitCode = {
    /** Admitted, promoted, or the command did what was asked. */
    ok: 0,
    /** A result the user must look at: evidence rejected, rollout failed and reverted. */
    rejected: 1,
    /** The user can fix it: bad flag, bad policy, unreadable or malformed input, tag instead of digest. */
    configuration: 2,
    /** Infrastructure kept failing after bounded retries (network, 5xx, compare-and-swap conflicts). */
    transient: 3,
    /** Not enough evidence either way: the analysis is inconclusive and the rollout holds. */
    inconclusive: 4,
    /** A bug in Glidepath. */
    internal: 70,
};
/** Base class: a failure Glidepath understands and can explain. */
class GlidepathError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
    /**
     * Whether the message already starts with where the problem is (`FILE:LINE:COL: …`), so a
     * terminal prints it bare, the way compilers do, for editors and problem matchers to pick up.
     */
    get located() {
        return false;
    }
}
/**
 * The user can fix it: a flag, a policy field, a file. `location` names the file (and, where known,
 * line and column) so the message can be printed as `FILE:LINE:COL: message`.
 */
class ConfigurationError extends GlidepathError {
    location;
    exitCode = ExitCode.configuration;
    constructor(message, location, options) {
        super(location ? `${location}: ${message}` : message, options);
        this.location = location;
    }
    get located() {
        return this.location !== undefined;
    }
}
/**
 * The deploy policy holds this deployment now (a closed window, a freeze, a spent error budget, an
 * unacknowledged failed rollout): nothing was committed. Exit 1, like a rejected artifact.
 */
class HeldError extends GlidepathError {
    exitCode = ExitCode.rejected;
}
/** A bad command line: unknown flag, missing argument. Printed with a pointer to `--help`. */
class UsageError extends ConfigurationError {
}
/**
 * An evidence file could not be read or is not what it claims to be (truncated JSON or XML, a field
 * of the wrong type). Exit 2: the evidence set is broken, not rejected.
 */
class EvidenceFormatError extends ConfigurationError {
}
/** Infrastructure failed and may work on retry (network, 429, 5xx, a lost compare-and-swap). */
class TransientError extends GlidepathError {
    exitCode = ExitCode.transient;
}
/** Maps anything thrown to the exit status it deserves; unknown errors are bugs. */
function exitCodeOf(error) {
    return error instanceof GlidepathError ? error.exitCode : ExitCode.internal;
}
/** The one-line message for a user; unknown errors say they are a bug and where to report it. */
function describeError(error) {
    if (error instanceof GlidepathError)
        return error.message;
    const detail = error instanceof Error ? error.message : String(error);
    return `unexpected error (a bug in Glidepath; please report it with the command you ran): ${detail}`;
}


/***/ })

};

//# sourceMappingURL=836.index.js.map