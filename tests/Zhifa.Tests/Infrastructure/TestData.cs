using System.Net.Http.Json;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Unique, valid values for data that tests create next to the demo data.</summary>
public static class TestData
{
    private static int _serial = Random.Shared.Next(0, 1000);

    public static int Next() => Interlocked.Increment(ref _serial);

    /// <summary>A valid credit code that no demo body uses.</summary>
    public static string CreditCode()
    {
        var digits = (100_000_000 + (Next() * 7_919 % 899_999_999)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return Zhifa.Core.Organizations.CreditCode.WithCheck("91" + "140981" + digits);
    }

    /// <summary>A township code under 原平市 that the demo data does not use (demo: 001, 002, 100–105).</summary>
    public static string TownshipCode() => "140981" + (200 + (Next() % 799)).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public static string Name(string stem) => $"{stem}{Next()}";

    /// <summary>A valid GB 11643 number that no demo officer has (born 1960–1999, sequence from the counter).</summary>
    public static string IdNumber()
    {
        var n = Next();
        var birth = new DateOnly(1960, 1, 1).AddDays(n * 37 % 14_600);
        return Zhifa.Core.Personnel.IdNumber.WithCheck("140981" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
            + (500 + n % 500).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<OrganizationDto> CreateBodyAsync(HttpClient api, Guid parentId, string? name = null, BodyKind kind = BodyKind.AdministrativeOrgan)
    {
        var response = await api.PostJsonAsync("/api/v1/organizations/bodies",
            new CreateBodyRequest(name ?? Name("测试执法局"), parentId, CreditCode(), kind, Sector.MarketRegulation, LegalStatus.GovernmentLegalPerson));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<OrganizationDto>();
    }

    public static async Task<OrganizationDto> CreateUnitAsync(HttpClient api, Guid parentId, string? name = null)
    {
        var response = await api.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest(name ?? Name("测试股"), parentId));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<OrganizationDto>();
    }

    public static async Task<OrganizationDto> GetAsync(HttpClient api, Guid id) =>
        (await api.GetFromJsonAsync<OrganizationDto>($"/api/v1/organizations/{id}", ZhifaApp.Json))!;

    public static Guid Yuanping => DemoData.Ids.Yuanping;
}
