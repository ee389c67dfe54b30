using Zhifa.Core.Inspections.UseCases;
using Zhifa.Web.Common;

namespace Zhifa.Web.Inspections;

/// <summary>The daily look at the inspections' publication deadlines (<see cref="InspectionReminders"/>, SSJ-PUB), once across all nodes.</summary>
internal sealed class InspectionReminderJob : IZhifaJob
{
    public string Name => "inspection-publication";

    public async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await services.GetRequiredService<InspectionReminders>().RunAsync(ct);
        return outcome.Overdue + outcome.DueSoon;
    }
}
