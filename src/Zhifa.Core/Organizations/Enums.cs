namespace Zhifa.Core.Organizations;

/// <summary>What a node of the organisation tree is; stored as the TPH discriminator.</summary>
public enum OrganizationKind
{
    Region,
    Body,
    Unit,
}

/// <summary>Administrative level of a region (GB/T 2260 for province to county, GB/T 10114 for townships).</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
}

/// <summary>The three kinds of enforcement body (执法主体).</summary>
public enum BodyKind
{
    /// <summary>行政机关</summary>
    AdministrativeOrgan,
    /// <summary>法律法规授权组织</summary>
    AuthorizedOrganization,
    /// <summary>受委托组织 — acts in the name of the administrative organ that entrusts it.</summary>
    EntrustedOrganization,
}

/// <summary>Enforcement sector (执法领域) of a body.</summary>
public enum Sector
{
    MarketRegulation,
    EcologyEnvironment,
    ComprehensiveEnforcement,
    Transport,
    NaturalResources,
    EmergencyManagement,
    Justice,
    Agriculture,
    CultureTourism,
    Health,
    WaterResources,
    HousingConstruction,
    Other,
}

/// <summary>Legal personality of a body (机关法人 / 事业单位法人 / 非法人组织).</summary>
public enum LegalStatus
{
    GovernmentLegalPerson,
    InstitutionLegalPerson,
    NonLegalPersonOrganization,
}
