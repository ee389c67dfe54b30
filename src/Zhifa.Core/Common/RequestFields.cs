namespace Zhifa.Core.Common;

/// <summary>
/// The contract of a request read from JSON, as its record declares it (the API checks every body against it before a
/// use case runs, and answers 400 naming every wrong field):
/// <list type="bullet">
/// <item>a constructor parameter without a default value must be sent; one of a type that is not nullable must not be
/// null, and a non-nullable <c>string</c> must not be blank (a nullable one without a default must be sent all the same:
/// null is then an answer, "none" or "clear");</item>
/// <item>a property of a record read by properties must be sent when marked <see cref="MustSendAttribute"/>;</item>
/// <item>strings and lists carry <c>[MaxLength]</c>, numbers <c>[Range]</c> (System.ComponentModel.DataAnnotations);</item>
/// <item>an id may not be all zeros, a date must fall in <see cref="FirstYear"/>–<see cref="LastYear"/>, an enumeration's
/// value must be one of its members.</item>
/// </list>
/// Nested records and lists of them are checked the same way. What depends on the data (does the organisation exist,
/// does the session end after it starts) stays with the use case.
/// </summary>
public static class RequestFields
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;
}

/// <summary>On a property of a request record read by properties: the client must send it (see <see cref="RequestFields"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MustSendAttribute : Attribute;
