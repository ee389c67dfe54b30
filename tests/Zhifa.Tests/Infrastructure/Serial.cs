namespace Zhifa.Tests.Infrastructure;

/// <summary>
/// Tests that measure the process — memory while a request runs, time and queries of a large import — run in this
/// collection, alone, after the parallel ones: nothing else allocates or competes while they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "Serial (measures the process)";
}
