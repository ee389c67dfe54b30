namespace Zhifa.Core.Common;

/// <summary>Personal data shown only as much as the reader needs (SXZD-MASK).</summary>
public static class Masking
{
    /// <summary>13812345678 → 138****5678; short numbers keep only their last two digits.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;
        return phone.Length >= 11 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..]
            : phone.Length > 2 ? new string('*', phone.Length - 2) + phone[^2..] : "**";
    }
}

/// <summary>What a property holds that must not reach the audit trail (or a log) as it is.</summary>
public enum Sensitivity
{
    /// <summary>A secret (a password hash, a token's hash, a security stamp, a ciphertext): recorded only as changed, never its value.</summary>
    Secret,

    /// <summary>A phone number: recorded masked, with a keyed hash so two values can be told apart.</summary>
    Phone,

    /// <summary>Other personal data: recorded only as a keyed hash.</summary>
    PersonalData,
}

/// <summary>Marks a property as sensitive; the audit trail records it by its <see cref="Sensitivity"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(Sensitivity kind) : Attribute
{
    public Sensitivity Kind { get; } = kind;
}
