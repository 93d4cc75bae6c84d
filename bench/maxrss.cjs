// Loaded with `node -r` by the 50,000-row benchmark: prints the process's peak memory when it ends.
process.on("exit", () => {
  process.stderr.write(`\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
