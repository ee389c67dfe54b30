namespace Zhifa.Core.Parties;

/// <summary>What kind of party (当事人) a record is: three kinds of organisation and the natural person.</summary>
public enum PartyKind
{
    /// <summary>企业: identified by its unified social credit code.</summary>
    Enterprise,

    /// <summary>个体工商户: a credit code when it has one (most registered since 2016 do), its operator as person in charge.</summary>
    IndividualBusiness,

    /// <summary>其他组织: institutions, social organisations, branches; identified by the credit code.</summary>
    OtherOrganization,

    /// <summary>自然人: identified by the citizen ID number, stored encrypted and shown masked.</summary>
    NaturalPerson,
}

/// <summary>
/// The sections (门类) of the national industry classification GB/T 4754-2017, by their letter. The section is what
/// enforcement filters and counts by; the finer classes are not needed here.
/// </summary>
public enum IndustrySection
{
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
}

/// <summary>
/// The credit grade Zhifa records for 双随机 sampling, five levels as the inspections issue asks (A low risk, B average,
/// C higher, D high, E very high — a region on the four-level 企业信用风险分类 simply leaves E unused). SSJ-RATIO raises
/// the sampling ratio grade by grade from A to E.
/// </summary>
public enum CreditGrade
{
    A, B, C, D, E,
}
