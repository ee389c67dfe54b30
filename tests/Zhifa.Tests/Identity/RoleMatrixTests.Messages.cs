using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// The message centre's rows (everyone reads and marks their own messages; there is no "out of scope") and the case
/// reminders run on demand (administrators only; it runs as the system for every body).
/// </summary>
public abstract partial class RoleMatrixTests
{
    internal static readonly string MessagesExpected = """
        endpoint                          officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/messages           200/-    200/-           200/-        200/-       200/-
        POST   /api/v1/messages/read      200/-    200/-           200/-        200/-       200/-
        POST   /api/v1/cases/reminders    403/-    403/-           403/-        403/-       200/-
        """;

    private static readonly Case[] MessagesCases =
    [
        new("GET /api/v1/messages", c => c.Client.GetAsync("/api/v1/messages"), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("\"items\"", StringComparison.Ordinal) ? null : "no page of messages"),
        new("POST /api/v1/messages/read", c => c.Client.PostJsonAsync("/api/v1/messages/read", new { }), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("\"marked\"", StringComparison.Ordinal) ? null : "no count of messages marked"),
        new("POST /api/v1/cases/reminders", c => c.Client.PostJsonAsync("/api/v1/cases/reminders", new { }), null,
            async (r, _) => (await r.Content.ReadAsStringAsync()).Contains("\"ran\"", StringComparison.Ordinal) ? null : "no outcome of the run"),
    ];
}
