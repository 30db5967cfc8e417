// Preloaded with `node --import`: prints the process's peak resident memory on exit (bench only).
process.on('exit', () =>
  process.stderr.write(`\nGLIDEPATH_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`),
);
