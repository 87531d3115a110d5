using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `quick` swaps the default (statistically careful, minutes per benchmark) job for a short one, so CI can
// check that every benchmark still runs; use the default job for the numbers quoted in notes and README.
var quick = args.Contains("quick") || args.Contains("--quick");
var rest = args.Where(a => a is not "quick" and not "--quick").ToArray();
var config = quick
    ? DefaultConfig.Instance.AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1))
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
